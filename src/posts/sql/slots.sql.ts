import { FlagCode } from '../../rules/codes';

/** Posting kinds that fill a post: a regular post, or one held concurrently (兼任). */
export const FILLING_KINDS = `('REGULAR', 'CONCURRENT')`;

/**
 * The day a holder must leave posting `ps` because a posting limit binds ("must rotate"), as `r.since`: the first
 * day of a CRITICAL POSTING_LIMIT_EXCEEDED span in rule_span naming the posting (facts postingId, or postingIds for
 * a run of postings in the same post) that starts by asOf; NULL when there is none. Such spans are few: their
 * cadres are read once (`slot_rotating`, from rule_span_must_rotate_idx) and only a posting of one of them looks
 * up its cadre's spans (a join to all of them once was planned as a nested loop over every posting: millions of
 * comparisons on 100,000 cadres; a lookup for every posting was most of a province's vacancies).
 */
const rotateJoin = (asOf: string) => `
        CROSS JOIN LATERAL (
          SELECT CASE WHEN ps.cadre_id IN (SELECT cadre_id FROM slot_rotating) THEN (
          SELECT min(rs.valid_from) FROM rule_span rs
           WHERE rs.cadre_id = ps.cadre_id AND rs.code = '${FlagCode.POSTING_LIMIT_EXCEEDED}' AND rs.severity = 'CRITICAL'
             AND rs.valid_from <= ${asOf}
             AND ((rs.facts ->> 'postingId')::uuid = ps.id
                  OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(rs.facts -> 'postingIds', '[]'::jsonb)) e(id)
                              WHERE e.id::uuid = ps.id))) END AS since) r`;

export interface SlotsInput {
  /** `$n::date` */
  asOf: string;
  /** A SQL condition on `u`, the slot's unit (the jurisdiction and the unit asked for). */
  unitWhere: string;
  /** A SQL condition on `pt`, a post (e.g. its id); quotas are left out when given. */
  postWhere?: string;
}

/**
 * Every post and quota (a "slot") in scope with its staffing on asOf, as CTEs (from `slot`) ending in
 * `slot_staffing`:
 * slot_id, kind, post_id, quota_id, unit_id, level, title, required_domains, approved, holders, must_rotate, vacant_since.
 *
 * A stint is a posting filling the slot: from its start to the day after its end, or to the first day past a
 * must-rotate limit if earlier. A quota counts the unit's filling postings at its level; it is a slot only where
 * the unit has no itemised post at that level. The holders are the stints on asOf not past a must-rotate limit
 * (read from the postings covering asOf only). vacant_since is found, for the slots short of their number only,
 * by a sweep over the stints' arrivals and departures up to asOf: the last day the running count fell from the
 * number to below it; for a slot never full, the day the post was established.
 */
export function slotsSql(i: SlotsInput): string {
  const { asOf } = i;
  const quotas = i.postWhere
    ? ''
    : `UNION ALL
      SELECT q.id, 'QUOTA', NULL::uuid, q.id, q.unit_id, q.level::text, NULL::text, '{}'::varchar[], q.places,
             NULL::date
        FROM post_quota q JOIN unit u ON u.id = q.unit_id
       WHERE ${i.unitWhere}
         AND NOT EXISTS (SELECT 1 FROM post x WHERE x.unit_id = q.unit_id AND x.level = q.level)`;
  // The filling postings of the slots `from` (a CTE with slot_id, kind, post_id, unit_id, level) that `cond` keeps.
  const filling = (from: string, select: string, cond: string) => `
      SELECT s.slot_id, ${select}
        FROM ${from} s JOIN posting ps ON ps.post_id = s.post_id ${rotateJoin(asOf)}
       WHERE s.kind = 'POST' AND ps.kind IN ${FILLING_KINDS} AND ${cond}
      UNION ALL
      SELECT s.slot_id, ${select}
        FROM ${from} s JOIN posting ps ON ps.unit_id = s.unit_id AND ps.level = s.level ${rotateJoin(asOf)}
       WHERE s.kind = 'QUOTA' AND ps.kind IN ${FILLING_KINDS} AND ${cond}`;
  return `
  slot_rotating AS MATERIALIZED (
      SELECT DISTINCT rs.cadre_id FROM rule_span rs
       WHERE rs.code = '${FlagCode.POSTING_LIMIT_EXCEEDED}' AND rs.severity = 'CRITICAL' AND rs.valid_from <= ${asOf}),
  slot AS MATERIALIZED (
      SELECT pt.id AS slot_id, 'POST'::text AS kind, pt.id AS post_id, NULL::uuid AS quota_id, pt.unit_id,
             pt.level::text AS level, pt.title::text AS title, pt.required_domains, pt.approved_holders AS approved,
             pt.established_on
        FROM post pt JOIN unit u ON u.id = pt.unit_id
       WHERE ${i.unitWhere} ${i.postWhere ? `AND ${i.postWhere}` : ''}
      ${quotas}),
  slot_held AS MATERIALIZED (
      SELECT t.slot_id, count(*) FILTER (WHERE NOT t.gone)::int AS holders, count(*) FILTER (WHERE t.gone)::int AS must_rotate
        FROM (${filling(
          'slot',
          'r.since IS NOT NULL AS gone',
          // period @> asOf, written so that posting_unit_level_until_idx bounds a quota's postings.
          `coalesce(ps.end_date, 'infinity'::date) >= ${asOf} AND ps.start_date <= ${asOf}`,
        )}) t
       GROUP BY t.slot_id),
  slot_short AS MATERIALIZED (
      SELECT s.* FROM slot s LEFT JOIN slot_held h ON h.slot_id = s.slot_id WHERE coalesce(h.holders, 0) < s.approved),
  stint AS MATERIALIZED (${filling(
    'slot_short',
    'ps.start_date AS came, least(ps.end_date + 1, r.since) AS left_on',
    `ps.start_date <= ${asOf}`,
  )}),
  slot_event AS (
      SELECT slot_id, day, sum(delta)::int AS delta
        FROM (SELECT slot_id, came AS day, 1 AS delta FROM stint
              UNION ALL
              SELECT slot_id, left_on, -1 FROM stint WHERE left_on <= ${asOf}) e
       GROUP BY slot_id, day),
  slot_fell AS (
      SELECT c.slot_id, max(c.day) AS fell
        FROM (SELECT e.slot_id, e.day, sum(e.delta) OVER w AS n, sum(e.delta) OVER w - e.delta AS before
                FROM slot_event e WINDOW w AS (PARTITION BY e.slot_id ORDER BY e.day)) c
        JOIN slot_short s ON s.slot_id = c.slot_id
       WHERE c.n < s.approved AND c.before >= s.approved
       GROUP BY c.slot_id),
  slot_staffing AS (
      SELECT s.slot_id, s.kind, s.post_id, s.quota_id, s.unit_id, s.level, s.title, s.required_domains, s.approved,
             coalesce(h.holders, 0) AS holders, coalesce(h.must_rotate, 0) AS must_rotate,
             CASE WHEN coalesce(h.holders, 0) >= s.approved THEN NULL
                  ELSE coalesce(d.fell, s.established_on) END AS vacant_since
        FROM slot s
        LEFT JOIN slot_held h ON h.slot_id = s.slot_id
        LEFT JOIN slot_fell d ON d.slot_id = s.slot_id)`;
}
