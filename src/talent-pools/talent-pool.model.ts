import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Candidate, Readiness, ScoreFactor } from '../candidates/candidate.model';
import { DateScalar } from '../common/graphql/date.scalar';
import { Reason } from '../i18n/reason.model';
import { Connection } from '../common/graphql/pagination';

export enum PoolDecision {
  PROMOTED = 'PROMOTED',
  DEFERRED = 'DEFERRED',
  SENT_TO_TRAINING = 'SENT_TO_TRAINING',
  DECLINED = 'DECLINED',
}
registerEnumType(PoolDecision, {
  name: 'PoolDecision',
  description: 'What was decided about a pool member.',
});

@ObjectType('TalentPool', { description: 'A reserve list (后备干部名单) for a target level in a unit.' })
export class TalentPool {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The level the pool prepares people for, e.g. COUNTY_DEPUTY.' }) targetLevel!: string;
  /** Resolved through the unit loader. */
  unitId!: string;
  @Field(() => String, { nullable: true, description: 'A specialty domain the post needs; scores count it.' })
  domain!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field(() => Int) memberCount!: number;
}

@ObjectType('TalentPoolConnection')
export class TalentPoolConnection extends Connection(TalentPool) {}

@ObjectType('CandidateSnapshot', { description: 'How the member ranked when added, kept as it was then.' })
export class CandidateSnapshot {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Float) score!: number;
  @Field(() => Readiness, { nullable: true }) readiness!: Readiness | null;
  @Field(() => DateScalar, { nullable: true }) eligibleFrom!: string | null;
  @Field(() => [ScoreFactor]) scoreBreakdown!: ScoreFactor[];
  /** `reasons` (deprecated) is resolved per request in the caller's locale (TalentPoolMemberResolver). */
  @Field(() => [Reason], {
    description:
      'The candidate’s reasons then, as data (see Candidate.reasonData), rendered in the caller’s locale; a snapshot kept before reasons were data gives its sentences with code TEXT (params.text).',
  })
  reasonData!: Reason[];
  @Field(() => [String], { description: 'The codes of the requirements then unmet.' }) blockers!: string[];
}

@ObjectType('TalentPoolDecision')
export class TalentPoolDecision {
  @Field(() => ID) id!: string;
  @Field(() => ID) poolId!: string;
  @Field(() => ID) cadreId!: string;
  @Field(() => PoolDecision) decision!: PoolDecision;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateScalar) effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'The posting a PROMOTED decision created.' })
  postingId!: string | null;
  @Field() decidedBy!: string;
  @Field() decidedAt!: Date;
}

@ObjectType('TalentPoolMember', {
  description:
    'A cadre in a pool: the snapshot from when added beside the live status. A member whose cadre lies outside your jurisdiction (added by a department above yours, or an administrator) is hidden: an opaque entry with only poolId, cadreId and hidden: true; every other field is null or empty. It still counts in the pool’s memberCount, and removeFromPool takes it out.',
})
export class TalentPoolMember {
  @Field(() => ID) poolId!: string;
  @Field(() => ID) cadreId!: string;
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
