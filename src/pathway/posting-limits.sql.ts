import { DataSource } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params';
import { PolicyDocument } from '../policy/policy.types';
import { UNIT_LEVEL_ORDER } from '../rules/spans/limit-spans.sql';

/** What a posting rule bars, and from or until when (Pathway.postingLimits). */
export interface PostingLimit {
  cadreId: string;
  /** The rule id: LEVEL_TOTAL_LIMIT or TOWNSHIP_MIN_SERVICE. */
  rule: 'LEVEL_TOTAL_LIMIT' | 'TOWNSHIP_MIN_SERVICE';
  /**
   * NO_SAME_LEVEL_APPOINTMENT_FROM: no further appointment at the current level from `date` (LEVEL_TOTAL_LIMIT);
   * NO_TRANSFER_UPWARD_BEFORE: a township recruit is not moved above the township before `date`.
   */
  effect: 'NO_SAME_LEVEL_APPOINTMENT_FROM' | 'NO_TRANSFER_UPWARD_BEFORE';
  date: string;
  /** Whether the bar holds on asOf. */
  holds: boolean;
}

/**
 * The posting limits that bar an appointment, for given cadres on asOf, in one statement: LEVEL_TOTAL_LIMIT's date
 * for the current leadership level (the same as the flag's: the level run's start + years − earlier days at the
 * level) and TOWNSHIP_MIN_SERVICE's date for a township recruit (the first regular posting, in a unit at
 * recruitUnitLevels, + years), shown until the cadre has moved above those levels. A rule the policy in force
 * lacks gives nothing.
 */
export async function queryPostingLimits(
  ds: DataSource,
  cadreIds: readonly string[],
  asOf: string,
  policy: PolicyDocument,
): Promise<PostingLimit[]> {
  const total = policy.rules.LEVEL_TOTAL_LIMIT?.params;
  const service = policy.rules.TOWNSHIP_MIN_SERVICE?.params;
  if (!cadreIds.length || (!total && !service)) return [];
  const p = new SqlParams();
  const ids = p.add([...cadreIds], 'uuid[]');
  const at = p.add(asOf, 'date');
  const parts: string[] = [];
  if (total) {
    parts.push(`
      SELECT r.cadre_id, 'LEVEL_TOTAL_LIMIT' AS rule, 'NO_SAME_LEVEL_APPOINTMENT_FROM' AS effect,
             (r.level_run_start + ${p.add(total.years, 'numeric')}::float8 * interval '1 year')::date
               - r.earlier_level_days AS date
        FROM posting_run r JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
       WHERE r.cadre_id = ANY(${ids}) AND r.period @> ${at}`);
  }
  if (service) {
    const levels = p.add(service.recruitUnitLevels, 'text[]');
    parts.push(`
      SELECT f.cadre_id, 'TOWNSHIP_MIN_SERVICE', 'NO_TRANSFER_UPWARD_BEFORE',
             (f.start_date + ${p.add(service.years, 'numeric')}::float8 * interval '1 year')::date
        FROM (SELECT DISTINCT ON (p.cadre_id) p.cadre_id, p.start_date, u.level
                FROM posting p JOIN unit u ON u.id = p.unit_id
               WHERE p.cadre_id = ANY(${ids}) AND p.kind = 'REGULAR' AND p.start_date <= ${at}
               ORDER BY p.cadre_id, p.start_date) f
       WHERE f.level::text = ANY(${levels})
         -- not yet above the recruitment levels (a later move is the flag's business)
         AND NOT EXISTS (
           SELECT 1 FROM posting q JOIN unit qu ON qu.id = q.unit_id
            WHERE q.cadre_id = f.cadre_id AND q.kind = 'REGULAR' AND q.start_date <= ${at}
              AND array_position(${UNIT_LEVEL_ORDER}, qu.level::text)
                  > (SELECT max(array_position(${UNIT_LEVEL_ORDER}, l)) FROM unnest(${levels}) l))`);
  }
  const rows: (Omit<PostingLimit, 'holds'> & { holds: boolean })[] = await ds.query(
    `SELECT x.cadre_id AS "cadreId", x.rule, x.effect, to_char(x.date, 'YYYY-MM-DD') AS date,
            CASE x.effect WHEN 'NO_SAME_LEVEL_APPOINTMENT_FROM' THEN ${at} >= x.date ELSE ${at} < x.date END AS holds
       FROM (${parts.join(' UNION ALL ')}) AS x(cadre_id, rule, effect, date)
      ORDER BY x.cadre_id, x.rule`,
    p.values,
  );
  return rows;
}
