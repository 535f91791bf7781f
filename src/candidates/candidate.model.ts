import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { Connection } from '../common/graphql/pagination';
import { Reason } from '../i18n/reason.model';
import { Requirement } from '../pathway/pathway.model';
import { labelledValues } from '../common/graphql/enum-values';

export enum Readiness {
  READY_NOW = 'READY_NOW',
  READY_SOON = 'READY_SOON',
  NOT_READY = 'NOT_READY',
}
registerEnumType(Readiness, {
  name: 'Readiness',
  description:
    'For the next step on the ladder: READY_NOW meets every requirement on asOf; READY_SOON will, if only time passes, within withinMonths; NOT_READY otherwise.',
  valuesMap: labelledValues(Object.values(Readiness), 'readiness', {
    READY_NOW: 'meets every hard requirement on asOf.',
    READY_SOON: 'will meet them within withinMonths if only time passes; eligibleFrom says when.',
    NOT_READY: 'lacks a requirement that time alone does not bring (education, appraisal, training …).',
  }),
});

export enum TrainingNeed {
  SHORTFALL = 'SHORTFALL',
  INDUCTION_DUE = 'INDUCTION_DUE',
  NEVER_TRAINED_IN_WINDOW = 'NEVER_TRAINED_IN_WINDOW',
  LONG_SERVICE_NO_STUDY = 'LONG_SERVICE_NO_STUDY',
}
registerEnumType(TrainingNeed, {
  name: 'TrainingNeed',
  description:
    'SHORTFALL: short of TRAINING_ANNUAL or TRAINING_5Y hours; INDUCTION_DUE: no induction training since a new leadership appointment; NEVER_TRAINED_IN_WINDOW: no completed training in the TRAINING_5Y window; LONG_SERVICE_NO_STUDY: long grassroots service with no in-service degree and no party-school, administration-institute or university study.',
  valuesMap: labelledValues(Object.values(TrainingNeed), 'need', {
    SHORTFALL: 'short of the TRAINING_ANNUAL or TRAINING_5Y class hours.',
    INDUCTION_DUE: 'no induction training (任职培训) since a new leadership appointment.',
    NEVER_TRAINED_IN_WINDOW: 'no completed training in the TRAINING_5Y window.',
    LONG_SERVICE_NO_STUDY:
      'long grassroots service with no in-service degree and no Party-school, administration-institute or university study.',
  }),
});

@ObjectType('ScoreFactor', { description: 'One term of a score: contribution = weight × value.' })
export class ScoreFactor {
  @Field({ description: 'The factor, also its key in the policy’s rankingWeights.' }) factor!: string;
  @Field(() => Float, { description: "The factor's weight in the policy's rankingWeights." }) weight!: number;
  @Field(() => Float, { description: 'Normalised to 0..1; how, is documented per factor in the README.' })
  value!: number;
  @Field(() => Float, { description: "The factor's part of the score: weight × value." })
  contribution!: number;
}

@ObjectType('FacetCount', { description: 'How many candidates of the whole list share one key.' })
export class FacetCount {
  @Field({ description: 'A unit id, a level code or a readiness value (NONE: no next step).' }) key!: string;
  @Field(() => String, { nullable: true, description: 'The unit’s or level’s name.' }) label!: string | null;
  @Field(() => Int, { description: 'Candidates in the whole list with this key.' }) count!: number;
}

@ObjectType('CandidateFacets', { description: 'Counts over the whole list, not just the page.' })
export class CandidateFacets {
  @Field(() => [FacetCount], {
    description:
      'By the unit directly under the list’s root (the unitId asked for, the department’s own unit, or the top of the tree) that the cadre is posted under.',
  })
  byUnit!: FacetCount[];
  @Field(() => [FacetCount], { description: 'By current level.' }) byLevel!: FacetCount[];
  @Field(() => [FacetCount], {
    description:
      'By readiness for the next step; empty for training lists, whose readiness is worked out per page.',
  })
  byReadiness!: FacetCount[];
}

@ObjectType('RankPlaces', {
  description: 'Rank quota (职级职数) of the candidate’s unit for the target rank, on asOf.',
})
export class RankPlaces {
  @Field(() => Int, { description: 'Places the unit has at the rank.' }) quota!: number;
  @Field(() => Int, { description: 'Cadres posted in the unit who hold the rank (grant or rank posting).' })
  held!: number;
  @Field(() => Int, { description: 'Free places: quota − held, never below 0.' }) free!: number;
}

@ObjectType('Candidate', { description: 'A cadre on a candidate list, with why they are there.' })
export class Candidate {
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  /** Resolved through the caller-scoped cadre loader. */
  unitId!: string;
  @Field({ description: 'The level of the current regular posting.' }) currentLevel!: string;
  @Field(() => String, { nullable: true, description: 'The next step on the ladder; null at the top.' })
  nextLevel!: string | null;
  @Field(() => Readiness, { nullable: true, description: 'Null without a next step.' })
  readiness!: Readiness | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When every requirement for the next level is (or was) met; null when more than time is needed.',
  })
  eligibleFrom!: string | null;
  @Field(() => Float, { description: 'Σ contribution, 4 decimals; higher first.' }) score!: number;
  @Field(() => [ScoreFactor], { description: "The score's terms, each with contribution = weight × value." })
  scoreBreakdown!: ScoreFactor[];
  /** `reasons` (deprecated) is resolved per request in the caller's locale (CandidatesResolver). */
  @Field(() => [Reason], {
    description:
      'Why, as data: readiness first (CANDIDATE_READY_NOW, CANDIDATE_READY_SOON, CANDIDATE_NOT_READY), then the main factors (FACTOR_*, EVIDENCE_*); training lists start with the training flags’ reasons.',
  })
  reasonData!: Reason[];
  @Field(() => [Requirement], { description: 'The unmet requirements for the next level (src/pathway).' })
  blockers!: Requirement[];
  @Field(() => [TrainingNeed], { description: 'Training lists: the needs found; empty elsewhere.' })
  needs!: TrainingNeed[];
  @Field(() => Int, { description: 'The policy version the evaluation used.' }) policyVersion!: number;
  @Field(() => RankPlaces, {
    nullable: true,
    description:
      'Rank lists only: the free places at the target rank in the candidate’s unit, when the unit has a quota (职级职数); null otherwise. A rank needs no vacancy; the quota caps how many hold it.',
  })
  rankPlaces!: RankPlaces | null;
}

@ObjectType('CandidateConnection', {
  description: 'A page of a candidate list, best first, with facets over the whole list.',
})
export class CandidateConnection extends Connection(Candidate) {
  @Field(() => CandidateFacets, { description: 'Counts over the whole list by unit, level and readiness.' })
  facets!: CandidateFacets;
  @Field(() => DateScalar, { description: 'The date evaluated; pages after the first keep it.' })
  asOf!: string;
  @Field(() => Int, { description: 'The policy version the list was evaluated under.' })
  policyVersion!: number;
}
