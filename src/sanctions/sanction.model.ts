import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { addDays, addMonths } from '../rules/dates';
import { SANCTION_KINDS, SanctionEntity, SanctionKind } from './sanction.entity';
import { labelledValues } from '../common/graphql/enum-values';

export const SanctionKindEnum = Object.fromEntries(SANCTION_KINDS.map((k) => [k, k])) as Record<
  SanctionKind,
  SanctionKind
>;
registerEnumType(SanctionKindEnum, {
  name: 'SanctionKind',
  description:
    '政务处分 WARNING 警告, DEMERIT 记过, MAJOR_DEMERIT 记大过, DEMOTION 降级, REMOVAL 撤职; ' +
    '党纪处分 PARTY_WARNING 警告, PARTY_SERIOUS_WARNING 严重警告, PARTY_POST_REMOVAL 撤销党内职务, PARTY_PROBATION 留党察看; ' +
    '组织处理 ADMONISHMENT 诫勉, TRANSFER_OUT 调离岗位, DISMISSAL_FROM_POST 免职, DEMOTION_IN_POST 降职.',
  valuesMap: labelledValues(SANCTION_KINDS, 'sanctionKind', {
    WARNING: 'government sanction (政务处分).',
    DEMERIT: 'government sanction (政务处分).',
    MAJOR_DEMERIT: 'government sanction (政务处分).',
    DEMOTION: 'government sanction (政务处分).',
    REMOVAL: 'government sanction (政务处分).',
    PARTY_WARNING: 'Party discipline (党纪处分).',
    PARTY_SERIOUS_WARNING: 'Party discipline (党纪处分).',
    PARTY_POST_REMOVAL: 'Party discipline (党纪处分).',
    PARTY_PROBATION: 'Party discipline (党纪处分).',
    ADMONISHMENT: 'organisational measure (组织处理).',
    TRANSFER_OUT: 'organisational measure (组织处理).',
    DISMISSAL_FROM_POST: 'organisational measure (组织处理).',
    DEMOTION_IN_POST: 'organisational measure (组织处理).',
  }),
});

/** One kind's period as a policy version has it (SANCTION_PERIODS.params.periods[kind]). */
export interface SanctionPeriodOf {
  months: number;
  source: string;
}

@ObjectType('ToleranceDecision', {
  description:
    '容错 decision: lifts the effect of the record on evaluation and use from decidedOn; the record stays.',
})
export class ToleranceDecision {
  @Field({ description: 'Why the error is tolerated, and the decision document.' }) basis!: string;
  @Field(() => DateScalar, { description: 'The day of the decision; the effect ends from it.' })
  decidedOn!: string;
  @Field(() => String, { nullable: true, description: 'A free note.' }) note!: string | null;
}

@ObjectType('Sanction', {
  description:
    'A sanction or accountability record (处分, 组织处理). Visible to ADMIN, the organisation departments that may read the cadre, and the cadre.',
})
export class Sanction {
  @Field(() => ID, { description: "The sanction's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => SanctionKindEnum, { description: 'The sanction (处分) or organisational measure (组织处理).' })
  kind!: SanctionKind;
  @Field(() => DateScalar, { description: 'The day the decision was taken.' }) decisionDate!: string;
  @Field(() => DateScalar, { description: 'The day it took effect; the influence period runs from here.' })
  effectiveDate!: string;
  @Field({ description: 'The body that decided it.' }) issuingBody!: string;
  @Field(() => String, { nullable: true, description: 'The decision document number (文号).' })
  documentNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'A free note.' }) note!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Months during which it bars promotion: SANCTION_PERIODS of the policy version in force on the effective date (null under a version without it).',
  })
  influenceMonths!: number | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day of the influence period, before any revocation or 容错 decision.',
  })
  influenceEndsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The article that sets the period of this kind.' })
  influenceSource!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Lifted on appeal from this day; the record stays.',
  })
  revokedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked; null unless revokedOn.' })
  revocationReason!: string | null;
  @Field(() => ToleranceDecision, {
    nullable: true,
    description:
      'The 容错 decision on it, if any: it lifts the effect on evaluation and use; the record stays.',
  })
  tolerance!: ToleranceDecision | null;
  @Field(() => String, { nullable: true, description: 'The HR system that keeps it; null: entered here.' })
  source!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The id in the HR system it was synced from; null when recorded here.',
  })
  externalId!: string | null;

  static from(e: SanctionEntity, period: SanctionPeriodOf | null): Sanction {
    return Object.assign(new Sanction(), {
      id: e.id,
      cadreId: e.cadreId,
      kind: e.kind,
      decisionDate: e.decisionDate,
      effectiveDate: e.effectiveDate,
      issuingBody: e.issuingBody,
      documentNumber: e.documentNumber,
      note: e.note,
      influenceMonths: period?.months ?? null,
      influenceEndsOn: period ? addDays(addMonths(e.effectiveDate, period.months), -1) : null,
      influenceSource: period?.source ?? null,
      revokedOn: e.revokedOn,
      revocationReason: e.revocationReason,
      tolerance:
        e.toleranceBasis === null || e.toleranceDecidedOn === null
          ? null
          : Object.assign(new ToleranceDecision(), {
              basis: e.toleranceBasis,
              decidedOn: e.toleranceDecidedOn,
              note: e.toleranceNote,
            }),
      source: e.source,
      externalId: e.externalId,
    });
  }
}
