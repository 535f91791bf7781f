import { Field, Float, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { Connection } from '../common/graphql/pagination';
import {
  AchievementEntity,
  AchievementImpactEntity,
  BETTER_WHEN,
  BetterWhen,
  RECOGNITION_LEVELS,
  RecognitionLevel,
  SpecialtyDomainEntity,
  VERIFICATION_STATUSES,
  VerificationStatus,
} from './achievement.entity';
import { improvementPercent } from './impact';
import { labelledValues } from '../common/graphql/enum-values';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const RecognitionLevelEnum = asEnum(RECOGNITION_LEVELS);
registerEnumType(RecognitionLevelEnum, {
  name: 'RecognitionLevel',
  description:
    'The highest level that recognised the achievement: UNIT, COUNTY, PREFECTURE, PROVINCE, NATIONAL.',
  valuesMap: labelledValues(RECOGNITION_LEVELS, 'recognition', {
    PROVINCE: 'alone makes a specialist (SPECIALIST) under the default policy.',
    NATIONAL: 'alone makes a specialist (SPECIALIST) under the default policy.',
  }),
});
export const VerificationStatusEnum = asEnum(VERIFICATION_STATUSES);
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: 'CLAIMED until an organisation department decides VERIFIED or REJECTED.',
  valuesMap: labelledValues(VERIFICATION_STATUSES, 'verification', {
    CLAIMED: 'recorded, awaiting the organisation department; it counts for nothing yet.',
    VERIFIED: 'the organisation department confirmed it; it counts from its verification date.',
    REJECTED: 'the organisation department did not confirm it; it never counts.',
  }),
});
export const BetterWhenEnum = asEnum(BETTER_WHEN);
registerEnumType(BetterWhenEnum, {
  name: 'BetterWhen',
  description: 'Which way the indicator should move.',
  valuesMap: {
    HIGHER: { description: 'A rise is an improvement (visitors a year, income).' },
    LOWER: { description: 'A fall is an improvement (share of e-bikes in motor lanes, travel time).' },
  },
});

@ObjectType('SpecialtyDomain', { description: 'A field in which a cadre can show specialist strength.' })
export class SpecialtyDomain {
  @Field({ description: "The domain's code, e.g. CULTURAL_TOURISM." }) code!: string;
  @Field({ description: "The domain's Chinese name, e.g. 文化旅游." }) nameZh!: string;
  @Field({ description: "The domain's English name." }) nameEn!: string;

  static from(e: SpecialtyDomainEntity): SpecialtyDomain {
    return Object.assign(new SpecialtyDomain(), { code: e.code, nameZh: e.nameZh, nameEn: e.nameEn });
  }
}

@ObjectType('MeasuredImpact', { description: 'A measured before/after change an achievement brought about.' })
export class MeasuredImpact {
  @Field({ description: 'What was measured, e.g. share of e-bikes in motor lanes off-peak.' })
  indicator!: string;
  @Field(() => Float, { description: 'The value before.' }) baseline!: number;
  @Field(() => Float, { description: 'The value after.' }) result!: number;
  @Field({ description: 'The unit of both values, e.g. %, visitors a year.' }) unit!: string;
  @Field(() => BetterWhenEnum, { description: 'Which way is an improvement.' }) betterWhen!: BetterWhen;
  @Field(() => Float, {
    nullable: true,
    description:
      'Relative change from the baseline in the better direction, in percent, one decimal (38.5 → 4.7 with LOWER is 87.8); negative if it went the wrong way; null for a baseline of 0.',
  })
  improvementPercent!: number | null;

  static from(e: AchievementImpactEntity): MeasuredImpact {
    return Object.assign(new MeasuredImpact(), {
      indicator: e.indicator,
      baseline: e.baseline,
      result: e.result,
      unit: e.unit,
      betterWhen: e.betterWhen,
      improvementPercent: improvementPercent(e.baseline, e.result, e.betterWhen),
    });
  }
}

@ObjectType('Achievement', {
  description: 'Something a cadre achieved, with measured impact where there is one.',
})
export class Achievement {
  @Field(() => ID, { description: "The achievement's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field({ description: 'What was achieved, in a line.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'What was done and how, in full.' }) description!:
    string | null;
  @Field(() => DateScalar, { description: 'The day it was achieved.' }) achievedOn!: string;
  @Field({ description: 'A SpecialtyDomain code.' }) domain!: string;
  @Field(() => RecognitionLevelEnum, { description: 'The highest level that recognised it.' })
  recognitionLevel!: RecognitionLevel;
  @Field(() => VerificationStatusEnum, {
    description: 'Claimed, verified or rejected; only verified achievements count.',
  })
  verificationStatus!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Who decided, from their token.' })
  verifiedBy!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the organisation department decided; null while CLAIMED.',
  })
  verifiedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The department's note on its decision." })
  verificationNote!: string | null;
  @Field(() => [MeasuredImpact], {
    description: 'Its measured impacts (实测成效); empty when none was measured.',
  })
  impacts!: MeasuredImpact[];

  /** `e.impacts` must be loaded, in position order. */
  static from(e: AchievementEntity): Achievement {
    return Object.assign(new Achievement(), {
      id: e.id,
      cadreId: e.cadreId,
      title: e.title,
      description: e.description,
      achievedOn: e.achievedOn,
      domain: e.domain,
      recognitionLevel: e.recognitionLevel,
      verificationStatus: e.verificationStatus,
      verifiedBy: e.verifiedBy,
      verifiedAt: e.verifiedAt,
      verificationNote: e.verificationNote,
      impacts: (e.impacts ?? []).map((i) => MeasuredImpact.from(i)),
    });
  }
}

@ObjectType({ description: 'A page of achievements.' })
export class AchievementConnection extends Connection(Achievement) {}
