import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { PolicyService } from '../policy/policy.service';
import { checkAvoidance } from './avoidance.sql';
import { AvoidanceCheck } from './avoidance.model';
import { AvoidanceCheckArgs } from './dto/avoidance-check.args';

/** avoidanceCheck: checkAvoidance for a department, on a cadre and a unit in its jurisdiction. */
@Injectable()
export class AvoidanceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly policies: PolicyService,
  ) {}

  async check(caller: Caller, args: AvoidanceCheckArgs): Promise<AvoidanceCheck> {
    const asOf = args.asOf ?? today();
    const [found]: { cadre: boolean; unit: boolean; level: boolean }[] = await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM cadre WHERE id = $1) AS cadre, EXISTS (SELECT 1 FROM unit WHERE id = $2) AS unit,
              EXISTS (SELECT 1 FROM position_level WHERE code = $3) AS level`,
      [args.cadreId, args.unitId, args.level],
    );
    if (!found.cadre) throw DomainError.notFound('Cadre', args.cadreId, 'cadreId');
    if (!found.unit) throw DomainError.notFound('Unit', args.unitId, 'unitId');
    if (!found.level)
      throw DomainError.badInput('level', errorText('input.unknownLevel', { level: args.level }));
    await this.access.assertUnitInJurisdiction(caller, args.unitId);
    await this.access.assertCanReadCadre(caller, args.cadreId);
    const [result, policy] = await Promise.all([
      checkAvoidance(this.ds.manager, { ...args, asOf }),
      this.policies.forDate(asOf),
    ]);
    const rule = result.policyVersion === null ? undefined : policy.document.rules.AVOIDANCE;
    return Object.assign(new AvoidanceCheck(), {
      cadreId: args.cadreId,
      unitId: args.unitId,
      title: args.title,
      level: args.level,
      asOf,
      policyVersion: result.policyVersion,
      source: rule?.source ?? null,
      clear: result.policyVersion !== null && result.breaches.length === 0,
      breaches: result.breaches,
    });
  }
}
