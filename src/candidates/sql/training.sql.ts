import { FlagCode } from '../../rules/codes';
import { GRASSROOTS } from '../../rules/facts/pathway-facts.sql';
import { PolicyDocument } from '../../policy/policy.types';
import { TrainingNeed } from '../candidate.model';
import { NEED_FACTORS, NeedFactor, weightOf } from '../ranking-factors';
import { ListSpec } from './ranking-query';
import { scopeSql } from '../../rules/sql/scope.sql';
import { SqlParams } from '../../common/sql/sql-params';
import { stepRows } from '../../rules/steps';

export interface TrainingSqlInput {
  asOf: string;
  policy: PolicyDocument;
  /** The path of the jurisdiction's root unit; none: everyone. */
  rootPath?: string;
  kind?: TrainingNeed;
  longServiceYears: number;
}

/**
 * Training needs over everyone in the jurisdiction: SHORTFALL and INDUCTION_DUE from the flag SQL
 * (TRAINING_SHORTFALL, INDUCTION_TRAINING_DUE), NEVER_TRAINED_IN_WINDOW and LONG_SERVICE_NO_STUDY here, ranked by
 * the urgency factors of ranking-factors.ts. "Study" is training of the INDUCTION_TRAINING qualifying kinds
 * (party school, administration institute, university); grassroots years count as in the pathway facts.
 * Readiness is worked out for the page only: a whole province can have tens of thousands of these.
 */
/** A flag row's reason: code `<ruleId>.<flag code>`, params its facts. */
const REASON = `jsonb_build_object('code', rule_id || '.' || code, 'params', facts)`;

export function trainingList(i: TrainingSqlInput, p: SqlParams): ListSpec {
  const { asOf, policy } = i;
  const weights = (Object.keys(NEED_FACTORS) as NeedFactor[]).map((factor) => ({
    factor,
    weight: weightOf(policy.rankingWeights, factor, NEED_FACTORS[factor]),
  }));
  const [ws, wi, wn, wl] = weights.map((x) => p.add(x.weight, 'numeric'));
  const t5 = policy.rules.TRAINING_5Y.params;
  const windowStart = `(${asOf} - ${p.add(t5.windowYears, 'float8')} * interval '1 year')::date`;
  const longYears = p.add(i.longServiceYears, 'numeric');
  const studySince = `(${asOf} - ${longYears}::float8 * interval '1 year')::date`;
  const studyKinds = p.add(policy.rules.INDUCTION_TRAINING.params.qualifyingKinds, 'text[]');
  // One pass over the candidates' trainings: any completed in the TRAINING_5Y window, any study since studySince.
  const trainings = `
      SELECT c.cadre_id, bool_or(t.end_date > ${windowStart}) AS recent,
             bool_or(t.kind = ANY(${studyKinds}) AND t.end_date > ${studySince}) AS studied
        FROM candidates c
        JOIN training t ON t.cadre_id = c.cadre_id AND t.completed AND t.end_date <= ${asOf}
                       AND t.end_date > least(${windowStart}, ${studySince})
       GROUP BY c.cadre_id`;
  const values = `
      SELECT c.cadre_id, c.unit_id, c.level, sf.v AS v_shortfall, sf.reasons, ind.v AS v_induction, ind.reason AS induction,
             CASE WHEN tr.recent THEN 0 ELSE 1 END AS v_never,
             CASE WHEN ls.years >= ${longYears} THEN round(least(1, ls.years / (2 * ${longYears})), 4) ELSE 0 END AS v_long,
             round(ls.years, 1) AS long_years
        FROM candidates c
        JOIN cadre cd ON cd.id = c.cadre_id
        LEFT JOIN (${trainings}) tr ON tr.cadre_id = c.cadre_id
        LEFT JOIN (SELECT cadre_id, jsonb_agg(${REASON} ORDER BY rule_id) AS reasons,
                          round(max((facts ->> 'hoursMissing')::numeric
                                    / nullif((facts ->> 'hoursFull')::numeric, 0)), 4) AS v
                     FROM flags WHERE code = '${FlagCode.TRAINING_SHORTFALL}' GROUP BY cadre_id) sf
          ON sf.cadre_id = c.cadre_id
        LEFT JOIN (SELECT cadre_id, (array_agg(${REASON} ORDER BY facts ->> 'deadline'))[1] AS reason,
                          round(max(CASE WHEN (facts ->> 'overdue')::boolean THEN 1
                                         ELSE least(1, (${asOf} - (facts ->> 'appointedOn')::date)::numeric
                                                       / nullif((facts ->> 'deadline')::date - (facts ->> 'appointedOn')::date, 0))
                                    END), 4) AS v
                     FROM flags WHERE code = '${FlagCode.INDUCTION_TRAINING_DUE}' GROUP BY cadre_id) ind
          ON ind.cadre_id = c.cadre_id
        -- Grassroots years, worked out only for those without study: postings in COUNTY-and-below units, overlaps once.
        LEFT JOIN LATERAL (
          SELECT (SELECT coalesce(sum(upper(s) - lower(s)), 0) FROM unnest(range_agg(gp.period * daterange(NULL, ${asOf}))) s)
                 / 365.25 AS years
            FROM posting gp JOIN unit gu ON gu.id = gp.unit_id
           WHERE gp.cadre_id = c.cadre_id AND gp.start_date <= ${asOf} AND gu.level IN ${GRASSROOTS}
             AND NOT cd.education_in_service AND NOT coalesce(tr.studied, false)
        ) ls ON true`;
  // Reasons as data (src/i18n/reasons.ts): a flag's is `<ruleId>.<code>` over its facts.
  const some = (cond: string, reason: string) =>
    `CASE WHEN ${cond} THEN jsonb_build_array(${reason}) ELSE '[]'::jsonb END`;
  const need = (cond: string, need: TrainingNeed) => `CASE WHEN ${cond} THEN '${need}' END`;
  return {
    weights,
    scope: scopeSql(p, { rootPath: i.rootPath }, { asOf, posting: 'regular', active: true }),
    flagCodes: [FlagCode.TRAINING_SHORTFALL, FlagCode.INDUCTION_TRAINING_DUE],
    readinessFor: 'page',
    steps: stepRows(policy),
    scored: `
      SELECT v.cadre_id, v.unit_id, v.level,
             round(${ws} * coalesce(v.v_shortfall, 0) + ${wi} * coalesce(v.v_induction, 0) + ${wn} * v.v_never
                   + ${wl} * v.v_long, 4) AS score,
             jsonb_build_object('SHORTFALL', coalesce(v.v_shortfall, 0), 'INDUCTION_DUE', coalesce(v.v_induction, 0),
                                'NEVER_TRAINED_IN_WINDOW', v.v_never, 'LONG_SERVICE_NO_STUDY', v.v_long) AS factor_values,
             jsonb_build_object('reasons', coalesce(v.reasons, '[]'::jsonb)
               || ${some('v.induction IS NOT NULL', 'v.induction')}
               || ${some(
                 'v.v_never = 1',
                 `jsonb_build_object('code', 'TRAINING_NONE_IN_WINDOW', 'params',
                    jsonb_build_object('from', ${windowStart} + 1, 'to', ${asOf}))`,
               )}
               || ${some(
                 'v.v_long > 0',
                 `jsonb_build_object('code', 'TRAINING_LONG_SERVICE_NO_STUDY', 'params',
                    jsonb_build_object('years', v.long_years, 'since', ${studySince}))`,
               )}) AS details,
             array_remove(ARRAY[${need('v.v_shortfall IS NOT NULL', TrainingNeed.SHORTFALL)},
                                ${need('v.v_induction IS NOT NULL', TrainingNeed.INDUCTION_DUE)},
                                ${need('v.v_never = 1', TrainingNeed.NEVER_TRAINED_IN_WINDOW)},
                                ${need('v.v_long > 0', TrainingNeed.LONG_SERVICE_NO_STUDY)}], NULL) AS needs
        FROM (${values}) v`,
    filter: i.kind ? `${p.add(i.kind, 'text')} = ANY(s.needs)` : 'cardinality(s.needs) > 0',
  };
}
