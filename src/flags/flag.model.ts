import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar';

export enum FlagCode {
  POSTING_LIMIT_EXCEEDED = 'POSTING_LIMIT_EXCEEDED',
  POSTING_LIMIT_APPROACHING = 'POSTING_LIMIT_APPROACHING',
  TRAINING_SHORTFALL = 'TRAINING_SHORTFALL',
  INDUCTION_TRAINING_DUE = 'INDUCTION_TRAINING_DUE',
  SPECIALIST_STRENGTH = 'SPECIALIST_STRENGTH',
  PROMOTION_ELIGIBLE = 'PROMOTION_ELIGIBLE',
}
registerEnumType(FlagCode, { name: 'FlagCode', description: 'What a flag says about a cadre.' });

export enum Severity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(Severity, { name: 'Severity' });

/** Worst first: the rank used to order flags and flagged cadres. */
export const SEVERITY_RANK: Record<Severity, number> = { INFO: 1, WARNING: 2, CRITICAL: 3 };

/** One flag as evaluated: what the SQL (or a registered flag source) returns. */
export interface FlagRow {
  cadreId: string;
  code: FlagCode;
  severity: Severity;
  ruleId: string;
  source: string;
  message: string;
  facts: Record<string, unknown>;
  /** Days past the limit (negative: days before it); orders flagged cadres. 0 when a flag has no date. */
  overBy: number;
}

@ObjectType('Flag', {
  description: 'A finding about a cadre under one policy version, with the facts behind it.',
})
export class Flag {
  @Field(() => FlagCode) code!: FlagCode;
  @Field(() => Severity) severity!: Severity;
  @Field({ description: 'One sentence a clerk can read.' }) message!: string;
  @Field({ description: 'The policy rule that raised it.' }) ruleId!: string;
  @Field({ description: "The rule's public source." }) source!: string;
  @Field(() => JSONScalar, { description: 'The numbers and dates that triggered it.' })
  facts!: Record<string, unknown>;
  @Field(() => Int, { description: 'Days past the limit (negative: before it); 0 for undated flags.' })
  overBy!: number;
  @Field(() => Int, { description: 'The policy version the evaluation used.' }) policyVersion!: number;

  static from(r: FlagRow, policyVersion: number): Flag {
    return Object.assign(new Flag(), {
      code: r.code,
      severity: r.severity,
      message: r.message,
      ruleId: r.ruleId,
      source: r.source,
      facts: r.facts,
      overBy: r.overBy,
      policyVersion,
    });
  }
}

/** Worst severity first, then furthest past its limit, then code. */
export function compareFlags(a: FlagRow, b: FlagRow): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.overBy - a.overBy ||
    a.code.localeCompare(b.code) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
