import { Injectable } from '@nestjs/common';
import { PolicyInForce } from '../policy/policy.service';
import { FlagCode, FlagRow } from './flag.model';

/**
 * A flag computed outside the flag SQL, e.g. PROMOTION_ELIGIBLE from the pathway rules. The owning module
 * registers it on start (`flagSources.register(...)` in onModuleInit); Cadre.flags and flaggedCadres then
 * include its rows, evaluated under the same policy version.
 */
export interface FlagSource {
  code: FlagCode;
  /** The flags of these cadres on asOf; batched: called once per request for many cadres. */
  forCadres(cadreIds: readonly string[], asOf: string, policy: PolicyInForce): Promise<FlagRow[]>;
}

@Injectable()
export class FlagSources {
  private readonly sources: FlagSource[] = [];

  register(source: FlagSource): void {
    this.sources.push(source);
  }

  /** The registered sources for the wanted codes (all codes when none are given). */
  for(codes?: readonly FlagCode[]): FlagSource[] {
    return this.sources.filter((s) => !codes?.length || codes.includes(s.code));
  }
}
