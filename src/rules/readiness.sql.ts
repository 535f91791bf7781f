import { PolicyDocument } from '../policy/policy.types';
import { PROMOTION_RULES, waivedOn } from './pathway';
import { SqlParams } from '../common/sql/sql-params';
import { pathwayFactsCtes } from './facts/pathway-facts.sql';
import { levelOrder, STEP_COLUMNS, stepRows, StepRow } from './steps';

export interface ReadinessSqlInput {
  /** `$n::date` */
  asOf: string;
  policy: PolicyDocument;
  steps: StepRow[];
  /** READY_SOON reaches this many months past asOf. */
  withinMonths: number;
  /** An exceptional (破格) list: `$n::text`, the post's domain; PROMO_EXCEPTIONAL applies and its waives are set aside. */
  exceptional?: { domain: string };
  /** `$n::boolean`: the list says whether the target post is a Party post (PROMO_PARTY_AGE). */
  partyPost?: string;
}

/** The column of requirement_dates for a rule id: PROMO_WORK_YEARS → promo_work_years. */
export const dateColumn = (id: string): string => id.toLowerCase();

/**
 * Readiness for the next step as set-based SQL over `pathway_facts` (facts/pathway-facts.sql.ts), so a list
 * can filter, count and rank by it in the statement that pages it. Each promotion rule gives, in its own
 * file, the date it is (or was) met (see PromotionRule.sql). Then, as evaluatePathway decides:
 *   blocked      = some date is NULL
 *   eligibleFrom = the latest date (unmet ones are all later than asOf)
 *   READY_NOW    = not blocked and eligibleFrom ≤ asOf; READY_SOON = not blocked and within `withinMonths`.
 * Defines the CTEs `steps`, `requirement_dates (cadre_id, to_level, one date column per rule)` and
 * `readiness (cadre_id, to_level, readiness, eligible_from)`; cadres without a step (no current posting,
 * top of the ladder) have no row.
 */
export function readinessCtes(i: ReadinessSqlInput, p: SqlParams): string {
  const { asOf } = i;
  const waived = waivedOn(i.policy, !!i.exceptional);
  const forms = PROMOTION_RULES.filter((r) => !waived.includes(r.id)).map((r) => ({
    id: r.id,
    ...r.sql({ p, asOf, policy: i.policy, exceptional: i.exceptional, partyPost: i.partyPost }),
  }));
  const columns = forms.map((f) => dateColumn(f.id));
  return `
    steps AS (
      SELECT * FROM jsonb_to_recordset(${p.add(JSON.stringify(i.steps), 'jsonb')}) AS st(${STEP_COLUMNS})
    ),
    requirement_dates AS (
      SELECT f.cadre_id, st.to_level,
             ${forms.map((f) => `${f.date} AS ${dateColumn(f.id)}`).join(',\n             ')}
        FROM pathway_facts f
        JOIN steps st ON st.from_level = f.current_level AND st.ladder = f.ladder
        ${forms.flatMap((f) => (f.joins ? [f.joins] : [])).join('\n        ')}
    ),
    readiness AS (
      SELECT d.cadre_id, d.to_level, CASE WHEN NOT d.blocked THEN d.eligible_from END AS eligible_from,
             CASE WHEN d.blocked THEN 'NOT_READY'
                  WHEN d.eligible_from <= ${asOf} THEN 'READY_NOW'
                  WHEN d.eligible_from <= (${asOf} + make_interval(months => ${p.add(i.withinMonths, 'int')}))::date
                    THEN 'READY_SOON'
                  ELSE 'NOT_READY' END AS readiness
        FROM (SELECT r.cadre_id, r.to_level,
                     (${columns.map((c) => `r.${c} IS NULL`).join(' OR ')}) AS blocked,
                     greatest(${columns.map((c) => `r.${c}`).join(', ')}) AS eligible_from
                FROM requirement_dates r) d
    )`;
}

/**
 * Of the cadres `ids` (a `$n::uuid[]`), those who meet every requirement for their next level on asOf (READY_NOW,
 * the PROMOTION_ELIGIBLE flag), as one statement `SELECT cadre_id`: their pathway facts and readiness, nothing
 * sent back but the ids. For a list that asks which of thousands of cadres are eligible ("past the limit and
 * ready"), where reading every one's facts into Node to run evaluatePathway cost more than the rest of the list;
 * the parity spec (promotion.parity.spec.ts) holds READY_NOW to evaluatePathway's `eligible`.
 */
export function readyNowSql(p: SqlParams, asOf: string, policy: PolicyDocument, ids: string): string {
  return `
    WITH target AS (SELECT unnest(${ids}) AS cadre_id),
    ${pathwayFactsCtes({ asOf, levelOrder: p.add(levelOrder(policy), 'text[]'), appraisalsLater: true })},
    ${readinessCtes({ asOf, policy, steps: stepRows(policy), withinMonths: 0 }, p)}
    SELECT cadre_id FROM readiness WHERE readiness = 'READY_NOW'`;
}
