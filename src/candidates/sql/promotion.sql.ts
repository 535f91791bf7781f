import { PolicyDocument } from '../../policy/policy.types';
import {
  ACHIEVEMENT_FULL_POINTS,
  APPRAISAL_YEARS,
  GRADE_POINTS,
  GRASSROOTS_FULL_YEARS,
  PROMOTION_FACTORS,
  RECOGNITION_POINTS,
  weightOf,
} from '../ranking-factors';
import { ListSpec } from './ranking-query';
import { scopeSql } from '../../rules/sql/scope.sql';
import { SqlParams } from '../../common/sql/sql-params';
import { StepRow } from '../../rules/steps';
import { currentRankSql } from '../../rules/facts/rank-facts.sql';
import { lowestRankByPost } from '../../rules/rank-from-post.rule';
import { GRASSROOTS_EPOCH, PATHWAY_RULE_ID } from '../../rules/spans/pathway-spans.sql';
import { specialistDomainsSql } from '../../rules/specialist.rule';

export interface PromotionSqlInput {
  asOf: string;
  policy: PolicyDocument;
  step: StepRow;
  /** The path of the jurisdiction's root unit; none: everyone. */
  rootPath?: string;
  /** Only these cadres (pool members); otherwise everyone at the step's lower level in the jurisdiction. */
  cadreIds?: readonly string[];
  /** `$n::text`: specialistMatch counts SPECIALIST_STRENGTH in this domain only (any domain when absent). */
  domain?: string;
  /** An exceptional (破格) list: `$n::text`, the post's domain (PROMO_EXCEPTIONAL). */
  exceptional?: { domain: string };
  /** `$n::boolean`: whether the post is a Party post (PROMO_PARTY_AGE); absent: by each cadre's unit kind. */
  partyPost?: string;
  /**
   * Only the cadres whose regular posting is in a unit of these kinds (`$n::text[]`), or (except) in none of them:
   * a list split where the spans' judgement of a Party post, by the unit's kind, agrees with the list's word.
   */
  unitKinds?: { kinds: string; except: boolean };
  /** Which readiness values are listed; all cadres at the level when absent (talent pool snapshots). */
  readiness?: readonly string[];
  /**
   * Read readiness from the PATHWAY spans (leadership steps, neither exceptional nor a Party post given, a
   * policy version the spans cover; readiness given): how far READY_SOON reaches, in months.
   */
  spansWithin?: number;
}

/**
 * The candidates of a leadership step with their readiness on asOf, from the PATHWAY span holding then
 * (src/rules/spans/pathway-spans.sql.ts): READY_NOW when eligible from asOf, READY_SOON when from a date up to
 * `within` months later (the span holds from the date it becomes READY_SOON for the longest reach); the score's
 * facts that grow with asOf (years at the level, grassroots years) from the span's facts.
 */
function spanCandidates(p: SqlParams, asOf: string, to: string, within: number, soon: boolean): string {
  const reach = soon ? `(${asOf} + make_interval(months => ${p.add(within, 'int')}))::date` : asOf;
  return `
      SELECT s.cadre_id, s.unit_id, s.level, sp.code::text AS to_level,
             CASE WHEN x.eligible_from <= ${asOf} THEN 'READY_NOW' ELSE 'READY_SOON' END AS readiness,
             x.eligible_from, (sp.facts ->> 'levelStart')::date AS level_start,
             (sp.facts ->> 'grassrootsBase')::int
               + CASE WHEN (sp.facts ->> 'grassrootsNow')::boolean THEN ${asOf} - ${GRASSROOTS_EPOCH} ELSE 0 END
               AS grassroots_days
        FROM scope s
        JOIN rule_span sp ON sp.cadre_id = s.cadre_id
        CROSS JOIN LATERAL (SELECT (sp.facts ->> 'eligibleFrom')::date AS eligible_from) x
       WHERE sp.rule_id = '${PATHWAY_RULE_ID}' AND sp.code = ${to} AND sp.valid @> ${asOf}
         AND x.eligible_from <= ${reach}`;
}

/**
 * Promotion candidates: cadres at the level one step below the target (on a rank step, holding the rank below), scored by the factors of
 * ranking-factors.ts. SPECIALIST_STRENGTH is read from each candidate's SPECIALIST spans (limited to the domain if
 * one is given), as the flag SQL reads it.
 */
export function promotionList(i: PromotionSqlInput, p: SqlParams): ListSpec {
  const { asOf, policy, step } = i;
  const weights = PROMOTION_FACTORS.map((factor) => ({
    factor,
    weight: weightOf(policy.rankingWeights, factor),
  }));
  const t5 = policy.rules.TRAINING_5Y.params;
  const year = `extract(year FROM ${asOf})::int`;
  const grades = p.add(JSON.stringify(GRADE_POINTS), 'jsonb');
  const recognition = p.add(JSON.stringify(RECOGNITION_POINTS), 'jsonb');
  const fullLevelYears = p.add(Math.max((2 * step.min_months) / 12, 1), 'float8');
  const windowStart = `(${asOf} - ${p.add(t5.windowYears, 'float8')} * interval '1 year')::date`;
  // From the spans: the candidates carry the facts the score reads; otherwise the pathway facts of them all.
  const spans = i.spansWithin !== undefined && step.ladder === 'LEADERSHIP' && !!i.readiness;
  const f = spans ? 't' : 'f';
  // Each per-cadre aggregate is a lateral join, so the outer SELECTs reading it twice do not run it twice. What
  // only the explanation reads (the top recognition, the specialist's domains) is looked up for the page rows.
  const raw = `
      SELECT t.cadre_id, t.unit_id, t.level, ${spans ? 't.readiness, t.to_level, t.eligible_from' : 'NULL::text AS readiness'}, ap.points / ${APPRAISAL_YEARS} AS appraisal, ${f}.grassroots_days / 365.25 AS grassroots_years,
             ach.points, ach.verified, tr.hours,
             (${asOf} - ${f}.level_start) / 365.25 AS years_at_level,
             EXISTS (SELECT 1 FROM rule_span sp
                      WHERE sp.cadre_id = t.cadre_id AND sp.rule_id = 'SPECIALIST' AND sp.valid @> ${asOf}
                        ${i.domain ? `AND sp.domain = ${i.domain}` : ''}) AS specialist
        FROM candidates t
        ${spans ? '' : 'JOIN pathway_facts f ON f.cadre_id = t.cadre_id'}
        CROSS JOIN LATERAL (
          SELECT coalesce(sum((${grades} ->> a.grade)::numeric), 0) AS points
            FROM appraisal a
           WHERE a.cadre_id = t.cadre_id AND a.year BETWEEN ${year} - ${APPRAISAL_YEARS} AND ${year} - 1) ap
        CROSS JOIN LATERAL (
          SELECT coalesce(sum((${recognition} ->> a.recognition_level)::numeric), 0) AS points,
                 count(*)::int AS verified
            FROM achievement a
           WHERE a.cadre_id = t.cadre_id AND a.verification_status = 'VERIFIED' AND a.achieved_on <= ${asOf}) ach
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(x.class_hours), 0) AS hours FROM training x
           WHERE x.cadre_id = t.cadre_id AND x.completed AND x.end_date > ${windowStart} AND x.end_date <= ${asOf}) tr`;
  const values = `
      SELECT r.*,
             round(r.appraisal, 4) AS v_appraisal,
             round(least(1, r.grassroots_years / ${GRASSROOTS_FULL_YEARS}), 4) AS v_grassroots,
             round(least(1, r.points / ${ACHIEVEMENT_FULL_POINTS}), 4) AS v_achievements,
             round(least(1, r.hours / ${p.add(t5.hours, 'numeric')}), 4) AS v_training,
             round(least(1, coalesce(r.years_at_level, 0) / ${fullLevelYears})::numeric, 4) AS v_time,
             CASE WHEN r.specialist THEN 1 ELSE 0 END AS v_specialist
        FROM (${raw}) r`;
  const [wa, wg, wac, wt, wl, ws] = weights.map((x) => p.add(x.weight, 'numeric'));
  // The factor values and details are built for the page rows only (pageJson), from these columns of the list.
  const columns = [
    'v_appraisal',
    'v_grassroots',
    'v_achievements',
    'v_training',
    'v_time',
    'v_specialist',
    'grassroots_years',
    'verified',
    'hours',
    'years_at_level',
  ];
  const scored = `
      SELECT v.cadre_id, v.unit_id, v.level, v.readiness, ${spans ? 'v.to_level, v.eligible_from,' : ''}
             round(${wa} * v.v_appraisal + ${wg} * v.v_grassroots + ${wac} * v.v_achievements
                   + ${wt} * v.v_training + ${wl} * v.v_time + ${ws} * v.v_specialist, 4) AS score,
             ${columns.map((c) => `v.${c}`).join(', ')},
             ARRAY[]::text[] AS needs
        FROM (${values}) v`;
  const topRecognition = `(
      SELECT a.recognition_level FROM achievement a
       WHERE a.cadre_id = pg.cadre_id AND a.verification_status = 'VERIFIED' AND a.achieved_on <= ${asOf}
       ORDER BY (${recognition} ->> a.recognition_level)::numeric DESC NULLS FIRST LIMIT 1)`;
  const pageJson = {
    columns,
    factorValues: `jsonb_build_object('appraisal', pg.v_appraisal, 'grassrootsYears', pg.v_grassroots,
                                'achievements', pg.v_achievements, 'training', pg.v_training,
                                'timeAtLevel', pg.v_time, 'specialistMatch', pg.v_specialist)`,
    details: `jsonb_build_object('grassrootsYears', round(pg.grassroots_years, 1), 'verifiedAchievements', pg.verified,
                                'topRecognition', ${topRecognition}, 'trainingHours', pg.hours,
                                'trainingWindowYears', ${p.add(t5.windowYears, 'float8')},
                                'yearsAtLevel', round(pg.years_at_level::numeric, 1),
                                'specialistDomains', to_jsonb((${specialistDomainsSql('pg.cadre_id', asOf, i.domain)})))`,
  };
  const readiness = i.readiness && !spans ? p.add(i.readiness, 'text[]') : undefined;
  // A rank step (职务与职级并行): whoever holds the rank below, by grant, rank posting or post (currentRankSql).
  const rank = step.ladder === 'RANK' ? p.add(JSON.stringify(lowestRankByPost(policy)), 'jsonb') : undefined;
  return {
    weights,
    scope: scopeSql(
      p,
      { rootPath: i.rootPath, cadreIds: i.cadreIds },
      {
        asOf,
        posting: 'regular',
        active: true,
        level: rank ? undefined : p.add(step.from_level, 'text'),
        where:
          i.unitKinds &&
          `${i.unitKinds.except ? 'NOT ' : ''}EXISTS (
             SELECT 1 FROM unit k WHERE k.id = p.unit_id AND k.kind = ANY(${i.unitKinds.kinds}))`,
      },
    ),
    exceptional: i.exceptional,
    partyPost: i.partyPost,
    ...(rank && {
      rankLowestByPost: rank,
      candidates: `
      SELECT s.cadre_id, s.unit_id, rk.level FROM scope s
        CROSS JOIN LATERAL (${currentRankSql({
          asOf,
          lowestByPost: rank,
          cadre: 's.cadre_id',
          postLevel: 's.level::text',
          postStart: 'NULL::date',
          postEntered: 'NULL::date',
        })}) rk
       WHERE rk.level = ${p.add(step.from_level, 'text')}`,
    }),
    ...(spans &&
      i.spansWithin !== undefined &&
      i.readiness && {
        candidates: spanCandidates(
          p,
          asOf,
          p.add(step.to_level, 'text'),
          i.spansWithin,
          i.readiness.includes('READY_SOON'),
        ),
      }),
    flagCodes: [],
    readinessFor: spans ? 'spans' : 'all',
    steps: [step],
    scored,
    pageJson,
    pageDetails: `${rank ? `${rankPlaces(asOf, p.add(step.to_level, 'text'))} || ` : ''}jsonb_build_object('appraisals', (
      SELECT coalesce(jsonb_agg(jsonb_build_object('year', a.year, 'grade', a.grade) ORDER BY a.year), '[]')
        FROM appraisal a WHERE a.cadre_id = pg.cadre_id AND a.year BETWEEN ${year} - ${APPRAISAL_YEARS} AND ${year} - 1))`,
    filter: readiness ? `r.readiness = ANY(${readiness})` : 'true',
  };
}

/**
 * 职级职数 on a rank list: where the page row's unit has a quota for the target rank (rank_quota), the places,
 * the cadres posted in the unit who hold the rank on asOf (by grant or a rank posting; a leader's rank by mere
 * correspondence takes no place) and how many are free; `{}` without a quota.
 */
const rankPlaces = (asOf: string, target: string): string => `coalesce((
      SELECT jsonb_build_object('rankPlaces', jsonb_build_object('quota', q.places, 'held', h.n,
                                                                 'free', greatest(q.places - h.n, 0)))
        FROM rank_quota q
        CROSS JOIN LATERAL (
          SELECT count(DISTINCT p2.cadre_id)::int AS n FROM posting p2
           WHERE p2.unit_id = q.unit_id AND p2.kind = 'REGULAR' AND p2.period @> ${asOf}
             AND (p2.level = q.level OR EXISTS (
                   SELECT 1 FROM rank_grant g
                    WHERE g.cadre_id = p2.cadre_id AND g.period @> ${asOf} AND g.level = q.level))) h
       WHERE q.unit_id = pg.unit_id AND q.level = ${target}), '{}'::jsonb)`;
