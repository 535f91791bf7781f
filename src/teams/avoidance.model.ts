import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar';
import { DateScalar } from '../common/graphql/date.scalar';
import { labelledValues } from '../common/graphql/enum-values';
import { AVOIDANCE_BREACHES, AvoidanceBreachCode } from '../rules/avoidance.rule';

export const AvoidanceBreachCodeEnum = Object.fromEntries(AVOIDANCE_BREACHES.map((c) => [c, c])) as Record<
  AvoidanceBreachCode,
  AvoidanceBreachCode
>;
registerEnumType(AvoidanceBreachCodeEnum, {
  name: 'AvoidanceBreachCode',
  description:
    'RELATIVE_SAME_TEAM: a close relative in the same leadership team; RELATIVE_REPORTING_LINE: a close relative in a direct reporting line; HOME_AREA: a home-area post in the area of the native place or place of birth.',
  valuesMap: labelledValues(AVOIDANCE_BREACHES, 'avoidanceBreach', {
    RELATIVE_SAME_TEAM: 'a close relative in the same leadership team.',
    RELATIVE_REPORTING_LINE: 'a close relative in a direct reporting line.',
    HOME_AREA: 'a home-area post in the area of the native place or place of birth.',
  }),
});

@ObjectType('AvoidanceBreach', {
  description: 'One breach of the avoidance rules (回避), as a code and its facts.',
})
export class AvoidanceBreachModel {
  @Field(() => AvoidanceBreachCodeEnum, { description: 'Which avoidance rule is breached.' })
  code!: AvoidanceBreachCode;
  @Field(() => JSONScalar, {
    description:
      'Relatives: relativeCadreId, relativeName, relation (称谓), relationKind, relativeUnitId, relativeTitle, relativePostingId, unitId, title. Home area: post (AVOIDANCE.homeAreaPosts code), areaUnitId, areaName, matchedOn (nativePlace or placeOfBirth), nativePlace, placeOfBirth, unitId, title.',
  })
  params!: Record<string, unknown>;
}

@ObjectType('AvoidanceCheck', {
  description: 'Whether appointing a cadre to a post on a date would breach the avoidance rules (AVOIDANCE).',
})
export class AvoidanceCheck {
  @Field(() => ID, { description: 'The cadre checked.' }) cadreId!: string;
  @Field(() => ID, { description: 'The unit of the post.' }) unitId!: string;
  @Field({ description: 'The post’s title.' }) title!: string;
  @Field({ description: 'The post’s level code.' }) level!: string;
  @Field(() => DateScalar, { description: 'The date of the appointment checked.' }) asOf!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'The policy version in force on asOf that defines AVOIDANCE; null when none does (nothing checked).',
  })
  policyVersion!: number | null;
  @Field(() => String, { nullable: true, description: 'The public source of the rules checked.' })
  source!: string | null;
  @Field({ description: 'True when there is no breach (and a version defines the rules).' }) clear!: boolean;
  @Field(() => [AvoidanceBreachModel], { description: 'The breaches found; empty when clear.' })
  breaches!: AvoidanceBreachModel[];
}
