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

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const RecognitionLevelEnum = asEnum(RECOGNITION_LEVELS);
registerEnumType(RecognitionLevelEnum, {
  name: 'RecognitionLevel',
  description:
    'The highest level that recognised the achievement: UNIT, COUNTY, PREFECTURE, PROVINCE, NATIONAL.',
});
export const VerificationStatusEnum = asEnum(VERIFICATION_STATUSES);
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: 'CLAIMED until an organisation department decides VERIFIED or REJECTED.',
});
export const BetterWhenEnum = asEnum(BETTER_WHEN);
registerEnumType(BetterWhenEnum, { name: 'BetterWhen', description: 'Which way the indicator should move.' });

@ObjectType('SpecialtyDomain', { description: 'A field in which a cadre can show specialist strength.' })
export class SpecialtyDomain {
  @Field() code!: string;
  @Field() nameZh!: string;
  @Field() nameEn!: string;

  static from(e: SpecialtyDomainEntity): SpecialtyDomain {
    return Object.assign(new SpecialtyDomain(), { code: e.code, nameZh: e.nameZh, nameEn: e.nameEn });
  }
}

@ObjectType('MeasuredImpact', { description: 'A measured before/after change an achievement brought about.' })
export class MeasuredImpact {
  @Field() indicator!: string;
  @Field(() => Float) baseline!: number;
  @Field(() => Float) result!: number;
  @Field() unit!: string;
  @Field(() => BetterWhenEnum) betterWhen!: BetterWhen;
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
  @Field(() => ID) id!: string;
  @Field(() => ID) cadreId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateScalar) achievedOn!: string;
  @Field({ description: 'A SpecialtyDomain code.' }) domain!: string;
  @Field(() => RecognitionLevelEnum) recognitionLevel!: RecognitionLevel;
  @Field(() => VerificationStatusEnum) verificationStatus!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Who decided, from their token.' })
  verifiedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => String, { nullable: true }) verificationNote!: string | null;
  @Field(() => [MeasuredImpact]) impacts!: MeasuredImpact[];

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

@ObjectType()
export class AchievementConnection extends Connection(Achievement) {}
