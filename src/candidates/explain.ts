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
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence per factor that contributes, by list; details come from the ranking SQL. */
const SENTENCES: Record<ListKind, Record<string, (d: Details, level: string) => string | null>> = {
  PROMOTION: {
    appraisal: (d) => {
      const list = (d.appraisals as { year: number; grade: string }[] | undefined) ?? [];
      return list.length ? `Appraisals: ${list.map((a) => `${a.year} ${a.grade}`).join(', ')}.` : null;
    },
    grassrootsYears: (d) => `${num(d.grassrootsYears)} years in grassroots units.`,
    achievements: (d) =>
      `${plural(num(d.verifiedAchievements), 'verified achievement')}, the highest recognised at ${String(d.topRecognition)} level.`,
    training: (d) =>
      `${num(d.trainingHours)} class hours completed in the last ${num(d.trainingWindowYears)} years.`,
    timeAtLevel: (d, level) => `${num(d.yearsAtLevel)} years at ${level}.`,
    specialistMatch: (d) => `Specialist strength in ${((d.specialistDomains as string[]) ?? []).join(', ')}.`,
  },
  SPECIALIST: {
    evidenceRecognition: (d) =>
      `Highest recognition in ${String(d.domain)}: ${String(d.highestRecognition)}.`,
    evidenceImpact: (d) => `Best measured improvement: ${num(d.bestImprovementPercent)}%.`,
    evidenceRecency: (d) => `Latest verified achievement in ${String(d.domain)} on ${String(d.latest)}.`,
    evidenceCount: (d) =>
      `${plural(num(d.recentCount), 'verified achievement')} in ${String(d.domain)} within ${num(d.windowYears)} years.`,
  },
  TRAINING: {},
};

function readinessSentence(c: Candidate, blockers: Requirement[]): string | null {
  if (!c.nextLevel || !c.readiness) return null;
  switch (c.readiness) {
    case Readiness.READY_NOW:
      return `Meets every requirement for ${c.nextLevel}${c.eligibleFrom ? ` (since ${c.eligibleFrom})` : ''}.`;
    case Readiness.READY_SOON:
      return `Will meet every requirement for ${c.nextLevel} on ${c.eligibleFrom ?? '?'} if only time passes.`;
    case Readiness.NOT_READY:
      // A soft blocker (PROMO_TRAINING) is listed in blockers but is not why the cadre is not ready.
      return `Not yet ready for ${c.nextLevel}: ${blockers
        .filter((b) => !b.soft)
        .map((b) => b.code)
        .join(', ')}${c.eligibleFrom ? ` (met on ${c.eligibleFrom} if only time passes)` : ''}.`;
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
  const sentences = SENTENCES[ctx.kind];
  const byFactor = [...scoreBreakdown]
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((f) => sentences[f.factor]?.(row.details, row.level) ?? null);
  const readiness = readinessSentence(c, blockers);
  const reasons =
    ctx.kind === 'PROMOTION'
      ? [readiness, ...byFactor]
      : [...((row.details.messages as string[] | undefined) ?? []), ...byFactor, readiness];
  c.reasons = reasons.filter((s): s is string => !!s);
  return c;
}
