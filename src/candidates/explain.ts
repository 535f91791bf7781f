import { reasonOf } from '../i18n/reason.model';
import { ReasonData } from '../i18n/reasons';
import { evaluatePathway } from '../rules/pathway';
import { PathwayFacts } from '../rules/facts/pathway-facts';
import { Requirement } from '../pathway/pathway.model';
import { PolicyInForce } from '../policy/policy.service';
import { Candidate, Readiness, ScoreFactor, TrainingNeed } from './candidate.model';
import { FactorWeight, RankingRow } from './sql/ranking-query';

export type ListKind = 'PROMOTION' | 'SPECIALIST' | 'TRAINING';

/** How to explain the rows of one list: its factors in order, with the weights the SQL used. */
export interface ExplainContext {
  kind: ListKind;
  asOf: string;
  policy: PolicyInForce;
  weights: readonly FactorWeight[];
  /** An exceptional (破格) list's domain: the rows are evaluated under PROMO_EXCEPTIONAL. */
  exceptionalDomain?: string;
  /** The list's word on a Party post (PROMO_PARTY_AGE); absent: by each cadre's unit kind. */
  partyPost?: boolean;
}

type Details = Record<string, unknown>;
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** One reason per factor that contributes, by list; details come from the ranking SQL. */
const FACTOR_REASONS: Record<ListKind, Record<string, (d: Details, level: string) => ReasonData | null>> = {
  PROMOTION: {
    appraisal: (d) => {
      const list = (d.appraisals as { year: number; grade: string }[] | undefined) ?? [];
      return list.length ? { code: 'FACTOR_APPRAISAL', params: { appraisals: list } } : null;
    },
    grassrootsYears: (d) => ({ code: 'FACTOR_GRASSROOTS_YEARS', params: { years: num(d.grassrootsYears) } }),
    achievements: (d) => ({
      code: 'FACTOR_ACHIEVEMENTS',
      params: { count: num(d.verifiedAchievements), topRecognition: d.topRecognition ?? null },
    }),
    training: (d) => ({
      code: 'FACTOR_TRAINING',
      params: { hours: num(d.trainingHours), windowYears: num(d.trainingWindowYears) },
    }),
    timeAtLevel: (d, level) => ({
      code: 'FACTOR_TIME_AT_LEVEL',
      params: { years: num(d.yearsAtLevel), level },
    }),
    specialistMatch: (d) => ({
      code: 'FACTOR_SPECIALIST_MATCH',
      params: { domains: d.specialistDomains ?? [] },
    }),
  },
  SPECIALIST: {
    evidenceRecognition: (d) => ({
      code: 'EVIDENCE_RECOGNITION',
      params: { domain: d.domain ?? null, recognition: d.highestRecognition ?? null },
    }),
    evidenceImpact: (d) => ({ code: 'EVIDENCE_IMPACT', params: { percent: num(d.bestImprovementPercent) } }),
    evidenceRecency: (d) => ({
      code: 'EVIDENCE_RECENCY',
      params: { domain: d.domain ?? null, date: d.latest ?? null },
    }),
    evidenceCount: (d) => ({
      code: 'EVIDENCE_COUNT',
      params: { count: num(d.recentCount), domain: d.domain ?? null, windowYears: num(d.windowYears) },
    }),
  },
  TRAINING: {},
};

function readinessReason(c: Candidate, blockers: Requirement[]): ReasonData | null {
  if (!c.nextLevel || !c.readiness) return null;
  const params = { nextLevel: c.nextLevel, eligibleFrom: c.eligibleFrom };
  switch (c.readiness) {
    case Readiness.READY_NOW:
      return { code: 'CANDIDATE_READY_NOW', params };
    case Readiness.READY_SOON:
      return { code: 'CANDIDATE_READY_SOON', params };
    case Readiness.NOT_READY:
      // A soft blocker (PROMO_TRAINING) is listed in blockers but is not why the cadre is not ready.
      return {
        code: 'CANDIDATE_NOT_READY',
        params: { ...params, blockers: blockers.filter((b) => !b.soft).map((b) => b.code) },
      };
  }
}

/** A page row of the ranking statement as a Candidate: the score as the SQL computed it, explained. */
export function toCandidate(row: RankingRow & PathwayFacts, ctx: ExplainContext): Candidate {
  const exceptional = ctx.exceptionalDomain
    ? {
        domain: ctx.exceptionalDomain,
        specialistDomains: (row.details.specialistDomains as string[] | null) ?? [],
      }
    : undefined;
  const pathway = evaluatePathway(
    { ...row, exceptional, partyPost: ctx.partyPost },
    ctx.policy.document,
    ctx.asOf,
  );
  const blockers = pathway.requirements.filter((r) => !r.met).map((r) => Requirement.from(r));
  const scoreBreakdown = ctx.weights.map(({ factor, weight }): ScoreFactor => {
    const value = num(row.factor_values[factor]);
    return { factor, weight, value, contribution: round4(weight * value) };
  });
  const c = Object.assign(new Candidate(), {
    cadreId: row.cadre_id,
    unitId: row.unit_id,
    currentLevel: row.level,
    nextLevel: pathway.nextLevel,
    readiness: (row.readiness as Readiness | null) ?? null,
    eligibleFrom: pathway.estimatedEligibleDate,
    score: Number(row.score),
    scoreBreakdown,
    blockers,
    needs: row.needs as TrainingNeed[],
    policyVersion: ctx.policy.version,
    rankPlaces: (row.details.rankPlaces as Candidate['rankPlaces'] | undefined) ?? null,
  });
  const factorReasons = FACTOR_REASONS[ctx.kind];
  const byFactor = [...scoreBreakdown]
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((f) => factorReasons[f.factor]?.(row.details, row.level) ?? null);
  const readiness = readinessReason(c, blockers);
  const reasons =
    ctx.kind === 'PROMOTION'
      ? [readiness, ...byFactor]
      : [...((row.details.reasons as ReasonData[] | undefined) ?? []), ...byFactor, readiness];
  c.reasonData = reasons.filter((r): r is ReasonData => !!r).map((r) => reasonOf(r.code, r.params));
  return c;
}
