import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Candidate } from '../candidates/candidate.model';
import { DateScalar } from '../common/graphql/date.scalar';
import { labelledValues } from '../common/graphql/enum-values';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Post } from '../posts/post.model';
import { AvoidanceBreachModel } from '../teams/avoidance.model';

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
  AVOIDANCE_BREACH = 'AVOIDANCE_BREACH',
}
registerEnumType(SlateReasonCode, {
  name: 'SlateReasonCode',
  description:
    'READY_NOW / READY_SOON: eligible for the post’s level on asOf, or soon (params.eligibleFrom). REQUIRED_DOMAIN_MATCH / PREFERRED_DOMAIN_MATCH: SPECIALIST_STRENGTH in the post’s domains (params.domains). STUCK_PAST_LIMIT: past a posting limit (POSTING_LIMIT_EXCEEDED, params.limits: rule and limitDate of each) and ready: kept too long, listed first. EXCEPTIONAL: listed only by PROMO_EXCEPTIONAL (破格), params.domain.',
  valuesMap: labelledValues(Object.values(SlateReasonCode), 'slateReason', {
    READY_NOW: 'eligible for the post’s level on asOf.',
    READY_SOON: 'eligible soon; params.eligibleFrom says when.',
    REQUIRED_DOMAIN_MATCH: 'SPECIALIST_STRENGTH in a domain the post requires (params.domains).',
    PREFERRED_DOMAIN_MATCH: 'SPECIALIST_STRENGTH in a domain the post prefers (params.domains).',
    STUCK_PAST_LIMIT:
      'past a posting limit and ready, listed first (params.limits: rule and limitDate of each).',
    EXCEPTIONAL: 'listed only by PROMO_EXCEPTIONAL (params.domain).',
  }),
});
registerEnumType(SlateBlockerCode, {
  name: 'SlateBlockerCode',
  description:
    'REQUIREMENT_UNMET: a promotion requirement not met on asOf (params: rule, current, required, remaining, dateMet). MISSING_REQUIRED_DOMAIN: no SPECIALIST_STRENGTH in a domain the post requires (params.domains). AVOIDANCE_BREACH: taking the post would breach the avoidance rules (回避; params: breach, the AvoidanceBreachCode, and its facts as AvoidanceBreach.params).',
  valuesMap: labelledValues(Object.values(SlateBlockerCode), 'slateBlocker', {
    REQUIREMENT_UNMET:
      'a promotion requirement not met on asOf (params: rule, current, required, remaining, dateMet).',
    MISSING_REQUIRED_DOMAIN: 'no SPECIALIST_STRENGTH in a domain the post requires (params.domains).',
    AVOIDANCE_BREACH:
      'taking the post would breach the avoidance rules (params.breach and the facts of AvoidanceBreach.params).',
  }),
});

@ObjectType('SlateReason', {
  description: 'Why a candidate is on the slate (人选名单): a code and its facts.',
})
export class SlateReason {
  @Field(() => SlateReasonCode, { description: 'The reason, worded by the client from labels.' })
  code!: SlateReasonCode;
  @Field(() => JSONScalar, { description: 'The facts behind the reason; which keys depends on the code.' })
  params!: Record<string, unknown>;
}

@ObjectType('SlateBlocker', {
  description: 'What stands between a candidate and the post: a code and its facts.',
})
export class SlateBlocker {
  @Field(() => SlateBlockerCode, { description: 'The obstacle, worded by the client from labels.' })
  code!: SlateBlockerCode;
  @Field(() => JSONScalar, { description: 'The facts behind the obstacle; which keys depends on the code.' })
  params!: Record<string, unknown>;
}

@ObjectType('SlateAvoidance', {
  description: 'The avoidance check (回避, AVOIDANCE) of a candidate taking the post on the slate’s date.',
})
export class SlateAvoidance {
  @Field(() => Int, {
    nullable: true,
    description: 'The policy version that defines AVOIDANCE on asOf; null when none does (nothing checked).',
  })
  policyVersion!: number | null;
  @Field({ description: 'True when checked and nothing is breached.' }) clear!: boolean;
  @Field(() => [AvoidanceBreachModel], {
    description: 'Each breach (also a blocker AVOIDANCE_BREACH); empty when clear.',
  })
  breaches!: AvoidanceBreachModel[];
}

@ObjectType('SlateCandidate', { description: 'A candidate for a post, with why and what stands in the way.' })
export class SlateCandidate {
  @Field(() => Int, { description: '1 first.' }) position!: number;
  @Field(() => ID, { description: 'The candidate’s cadre id.' }) cadreId!: string;
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
  @Field(() => [SlateReason], { description: 'Why the cadre is a candidate for the post.' })
  reasons!: SlateReason[];
  @Field(() => [SlateBlocker], { description: 'What stands in the way; empty when nothing does.' })
  blockers!: SlateBlocker[];
  @Field(() => SlateAvoidance, {
    description:
      'Whether taking the post would breach the avoidance rules (回避); a breach is also a blocker.',
  })
  avoidance!: SlateAvoidance;
}

@ObjectType('Slate', {
  description:
    'Candidates for a post on a date, best first: those with the required domains, then stuck talent, then ready now, then by preferred domains and score.',
})
export class Slate {
  @Field(() => Post, { description: 'The post (职位) the candidates are for.' }) post!: Post;
  @Field(() => DateScalar, { description: 'The date the candidates are judged on.' }) asOf!: string;
  @Field(() => Int, { description: 'The policy version in force on asOf that judged them.' })
  policyVersion!: number;
  @Field(() => [SlateCandidate], { description: 'The candidates, best first.' })
  candidates!: SlateCandidate[];
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
  valuesMap: labelledValues(Object.values(SlateDecisionKind), 'slateDecision', {
    APPOINTED: 'the cadre takes the post on the effective date; the old regular posting ends the day before.',
    DEFERRED: 'put off; recorded without a posting, a later decision can follow.',
    DECLINED: 'the cadre is not appointed to the post; recorded without a posting.',
  }),
});

@ObjectType('SlateDecision', { description: 'A decision on one member of a saved slate (人选名单).' })
export class SlateDecision {
  @Field(() => ID, { description: 'The decision’s id.' }) id!: string;
  @Field(() => ID, { description: 'The saved slate.' }) slateId!: string;
  @Field(() => ID, { description: 'The cadre decided on.' }) cadreId!: string;
  @Field(() => SlateDecisionKind, { description: 'What was decided.' }) decision!: SlateDecisionKind;
  @Field(() => String, { nullable: true, description: 'The note given with the decision.' }) note!:
    string | null;
  @Field(() => DateScalar, { description: 'The day the decision takes effect.' }) effectiveDate!: string;
  @Field(() => ID, { nullable: true, description: 'APPOINTED: the posting created in the post.' })
  postingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'APPOINTED: the regular posting ended the day before.' })
  endedPostingId!: string | null;
  @Field({ description: 'Who recorded the decision (the caller’s subject).' }) decidedBy!: string;
  @Field({ description: 'When the decision was recorded.' }) decidedAt!: Date;
}

@ObjectType('SlateMember', { description: 'A candidate as saved with the slate, and the decisions on them.' })
export class SlateMember {
  @Field(() => ID, { description: 'The saved slate.' }) slateId!: string;
  @Field(() => ID, { description: 'The member’s cadre id.' }) cadreId!: string;
  @Field(() => Int, { description: 'The place on the slate when saved; 1 first.' }) position!: number;
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
  @Field(() => [SlateDecision], { description: 'The decisions on this member, oldest first.' })
  decisions!: SlateDecision[];
}

@ObjectType('SavedSlate', {
  description: 'A slate kept as it was on its date (like a talent pool snapshot).',
})
export class SavedSlate {
  @Field(() => ID, { description: 'The saved slate’s id.' }) id!: string;
  /** Resolved by the slate resolver. */
  postId!: string;
  @Field({ description: 'The name given when saved, e.g. 2026年12月 副县长 人选.' }) name!: string;
  @Field(() => DateScalar, { description: 'The date the candidates were judged on.' }) asOf!: string;
  @Field(() => Int, { description: 'The policy version that judged them.' }) policyVersion!: number;
  @Field(() => String, { nullable: true, description: 'The note given when saved.' }) note!: string | null;
  @Field({ description: 'Who saved the slate (the caller’s subject).' }) createdBy!: string;
  @Field({ description: 'When the slate was saved.' }) createdAt!: Date;
  @Field(() => [SlateMember], { description: 'The candidates as saved, by position.' })
  members!: SlateMember[];
}
