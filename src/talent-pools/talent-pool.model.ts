import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Candidate, Readiness, ScoreFactor } from '../candidates/candidate.model';
import { DateScalar } from '../common/graphql/date.scalar';
import { Reason } from '../i18n/reason.model';
import { Connection } from '../common/graphql/pagination';
import { labelledValues } from '../common/graphql/enum-values';

export enum PoolDecision {
  PROMOTED = 'PROMOTED',
  DEFERRED = 'DEFERRED',
  SENT_TO_TRAINING = 'SENT_TO_TRAINING',
  DECLINED = 'DECLINED',
}
registerEnumType(PoolDecision, {
  name: 'PoolDecision',
  description: 'What was decided about a pool member.',
  valuesMap: labelledValues(Object.values(PoolDecision), 'decision', {
    PROMOTED: 'appointed to the target level; the decision may record the new posting.',
    DEFERRED: 'kept in the pool for a later round.',
    SENT_TO_TRAINING: 'to be trained before being considered again.',
    DECLINED: 'not to be considered for this pool.',
  }),
});

@ObjectType('TalentPool', { description: 'A reserve list (后备干部名单) for a target level in a unit.' })
export class TalentPool {
  @Field(() => ID, { description: "The pool's id (UUID)." }) id!: string;
  @Field({ description: "The pool's name, e.g. 2027 年县处级副职后备干部." }) name!: string;
  @Field({ description: 'The level the pool prepares people for, e.g. COUNTY_DEPUTY.' }) targetLevel!: string;
  /** Resolved through the unit loader. */
  unitId!: string;
  @Field(() => String, { nullable: true, description: 'A specialty domain the post needs; scores count it.' })
  domain!: string | null;
  @Field(() => String, { nullable: true, description: 'A free note.' }) note!: string | null;
  @Field({ description: 'The token subject that opened it.' }) createdBy!: string;
  @Field({ description: 'When it was opened.' }) createdAt!: Date;
  @Field(() => Int, { description: 'Members now, hidden ones included.' }) memberCount!: number;
}

@ObjectType('TalentPoolConnection', { description: 'A page of talent pools.' })
export class TalentPoolConnection extends Connection(TalentPool) {}

@ObjectType('CandidateSnapshot', { description: 'How the member ranked when added, kept as it was then.' })
export class CandidateSnapshot {
  @Field(() => DateScalar, { description: 'The date the candidate was evaluated on when added.' })
  asOf!: string;
  @Field(() => Int, { description: 'The policy version it was evaluated under.' }) policyVersion!: number;
  @Field(() => Float, { description: 'The score then (0 to 100).' }) score!: number;
  @Field(() => Readiness, { nullable: true, description: 'The readiness then.' })
  readiness!: Readiness | null;
  @Field(() => DateScalar, { nullable: true, description: 'The eligible date then.' }) eligibleFrom!:
    string | null;
  @Field(() => [ScoreFactor], { description: "The score's terms then." }) scoreBreakdown!: ScoreFactor[];
  /** `reasons` (deprecated) is resolved per request in the caller's locale (TalentPoolMemberResolver). */
  @Field(() => [Reason], {
    description:
      'The candidate’s reasons then, as data (see Candidate.reasonData), rendered in the caller’s locale; a snapshot kept before reasons were data gives its sentences with code TEXT (params.text).',
  })
  reasonData!: Reason[];
  @Field(() => [String], { description: 'The codes of the requirements then unmet.' }) blockers!: string[];
}

@ObjectType('TalentPoolDecision', {
  description:
    'What was decided about a pool member, and when it takes effect; decisions are kept when a member is removed.',
})
export class TalentPoolDecision {
  @Field(() => ID, { description: "The decision's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The pool's id." }) poolId!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => PoolDecision, { description: 'What was decided.' }) decision!: PoolDecision;
  @Field(() => String, { nullable: true, description: 'A free note.' }) note!: string | null;
  @Field(() => DateScalar, {
    description: "The day it takes effect; for PROMOTED, the new posting's first day.",
  })
  effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'The posting a PROMOTED decision created.' })
  postingId!: string | null;
  @Field({ description: 'The token subject that recorded it.' }) decidedBy!: string;
  @Field({ description: 'When it was recorded.' }) decidedAt!: Date;
}

@ObjectType('TalentPoolMember', {
  description:
    'A cadre in a pool: the snapshot from when added beside the live status. A member whose cadre lies outside your jurisdiction (added by a department above yours, or an administrator) is hidden: an opaque entry with only poolId, cadreId and hidden: true; every other field is null or empty. It still counts in the pool’s memberCount, and removeFromPool takes it out.',
})
export class TalentPoolMember {
  @Field(() => ID, { description: "The pool's id." }) poolId!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field({
    description:
      'True when you may not read this cadre: no name, external id, note, snapshot, live status or decisions are shown.',
  })
  hidden!: boolean;
  @Field(() => String, { nullable: true, description: 'Null when hidden.' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Null when hidden.' }) addedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null when hidden.' })
  addedAt!: Date | null;
  @Field(() => CandidateSnapshot, { nullable: true, description: 'Null when hidden.' })
  snapshot!: CandidateSnapshot | null;
  @Field(() => Candidate, {
    nullable: true,
    description:
      'The member as a candidate for the pool’s level on asOf; null once no longer one step below it, and when hidden.',
  })
  live!: Candidate | null;
  @Field(() => [TalentPoolDecision], { description: 'Oldest first; empty when hidden.' })
  decisions!: TalentPoolDecision[];
}
