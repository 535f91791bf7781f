import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Candidate } from '../candidates/candidate.model';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Post } from '../posts/post.model';

/** Why a candidate is on a slate, or what stands in the way: a code and its values, worded by the client. */
export enum SlateReasonCode {
  READY_NOW = 'READY_NOW',
  READY_SOON = 'READY_SOON',
  REQUIRED_DOMAIN_MATCH = 'REQUIRED_DOMAIN_MATCH',
  PREFERRED_DOMAIN_MATCH = 'PREFERRED_DOMAIN_MATCH',
  STUCK_PAST_LIMIT = 'STUCK_PAST_LIMIT',
  EXCEPTIONAL = 'EXCEPTIONAL',
}
export enum SlateBlockerCode {
  REQUIREMENT_UNMET = 'REQUIREMENT_UNMET',
  MISSING_REQUIRED_DOMAIN = 'MISSING_REQUIRED_DOMAIN',
}
registerEnumType(SlateReasonCode, {
  name: 'SlateReasonCode',
  description:
    'READY_NOW / READY_SOON: eligible for the post’s level on asOf, or soon (params.eligibleFrom). REQUIRED_DOMAIN_MATCH / PREFERRED_DOMAIN_MATCH: SPECIALIST_STRENGTH in the post’s domains (params.domains). STUCK_PAST_LIMIT: past a posting limit (POSTING_LIMIT_EXCEEDED, params.limits: rule and limitDate of each) and ready: kept too long, listed first. EXCEPTIONAL: listed only by PROMO_EXCEPTIONAL (破格), params.domain.',
});
registerEnumType(SlateBlockerCode, {
  name: 'SlateBlockerCode',
  description:
    'REQUIREMENT_UNMET: a promotion requirement not met on asOf (params: rule, current, required, remaining, dateMet). MISSING_REQUIRED_DOMAIN: no SPECIALIST_STRENGTH in a domain the post requires (params.domains).',
});

@ObjectType('SlateReason')
export class SlateReason {
  @Field(() => SlateReasonCode) code!: SlateReasonCode;
  @Field(() => JSONScalar) params!: Record<string, unknown>;
}

@ObjectType('SlateBlocker')
export class SlateBlocker {
  @Field(() => SlateBlockerCode) code!: SlateBlockerCode;
  @Field(() => JSONScalar) params!: Record<string, unknown>;
}

@ObjectType('SlateCandidate', { description: 'A candidate for a post, with why and what stands in the way.' })
export class SlateCandidate {
  @Field(() => Int, { description: '1 first.' }) position!: number;
  @Field(() => ID) cadreId!: string;
  @Field(() => Candidate, { description: 'The promotion candidate for the post’s level (src/candidates).' })
  candidate!: Candidate;
  @Field({
    description: 'Past a posting limit and ready now: the organisation has kept this cadre too long.',
  })
  stuck!: boolean;
  @Field({ description: 'On the slate only by exceptional promotion (破格, PROMO_EXCEPTIONAL).' })
  exceptional!: boolean;
  @Field(() => [String], { description: 'The post’s required domains with SPECIALIST_STRENGTH on asOf.' })
  requiredDomainsMatched!: string[];
  @Field(() => [String], { description: 'The post’s preferred domains with SPECIALIST_STRENGTH on asOf.' })
  preferredDomainsMatched!: string[];
  @Field(() => [SlateReason]) reasons!: SlateReason[];
  @Field(() => [SlateBlocker]) blockers!: SlateBlocker[];
}

@ObjectType('Slate', {
  description:
    'Candidates for a post on a date, best first: those with the required domains, then stuck talent, then ready now, then by preferred domains and score.',
})
export class Slate {
  @Field(() => Post) post!: Post;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => [SlateCandidate]) candidates!: SlateCandidate[];
}

export enum SlateDecisionKind {
  APPOINTED = 'APPOINTED',
  DEFERRED = 'DEFERRED',
  DECLINED = 'DECLINED',
}
registerEnumType(SlateDecisionKind, {
  name: 'SlateDecisionKind',
  description:
    'APPOINTED: the cadre takes the post on the effective date (the old regular posting ends the day before, in the same transaction).',
});

@ObjectType('SlateDecision')
export class SlateDecision {
  @Field(() => ID) id!: string;
  @Field(() => ID) slateId!: string;
  @Field(() => ID) cadreId!: string;
  @Field(() => SlateDecisionKind) decision!: SlateDecisionKind;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateScalar) effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'APPOINTED: the posting created in the post.' })
  postingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'APPOINTED: the regular posting ended the day before.' })
  endedPostingId!: string | null;
  @Field() decidedBy!: string;
  @Field() decidedAt!: Date;
}

@ObjectType('SlateMember', { description: 'A candidate as saved with the slate, and the decisions on them.' })
export class SlateMember {
  @Field(() => ID) slateId!: string;
  @Field(() => ID) cadreId!: string;
  @Field(() => Int) position!: number;
  @Field({
    description:
      'A cadre you may not read (outside your jurisdiction): only the ids and position are shown, as for talent pool members.',
  })
  hidden!: boolean;
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'The SlateCandidate when saved: score, readiness, eligibleFrom, stuck, exceptional, domains matched, reasons and blockers (codes and params), policy version.',
  })
  snapshot!: Record<string, unknown> | null;
  @Field(() => [SlateDecision]) decisions!: SlateDecision[];
}

@ObjectType('SavedSlate', {
  description: 'A slate kept as it was on its date (like a talent pool snapshot).',
})
export class SavedSlate {
  @Field(() => ID) id!: string;
  /** Resolved by the slate resolver. */
  postId!: string;
  @Field() name!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field(() => [SlateMember]) members!: SlateMember[];
}
