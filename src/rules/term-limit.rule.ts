import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { limitSpans, readSpans, versionsCte } from './spans/limit-spans.sql';
import { cadreRows, factDate, versionParam } from './spans/span-sql';

const rule = 'TERM_LIMIT';

/**
 * TERM_LIMIT (任期暂行规定 arts. 3, 6): at most `terms` consecutive terms of `termYears` in the same post; the next
 * one is barred. Terms come from the posting records of the run in the same post (posting_run: same unit and
 * level, re-appointment gaps within REAPPOINTMENT_GAP): each record starts a term (a re-appointment or
 * re-election), and a record held longer than a term starts the next one every `termYears`. The term after the
 * last allowed one would begin on the limit date: the start of term terms + 1 if the records have one, else the
 * end of term `terms`. APPROACHING (WARNING) from WARNING_WINDOW months before it, EXCEEDED (a WARNING: the text
 * bars re-appointment, it does not order removal) from it while the run lasts.
 */
const spanSql = `
  INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
  WITH ${versionsCte(
    rule,
    `${versionParam(rule, 'terms')}::int AS terms, ${versionParam(rule, 'termYears')}::float8 * interval '1 year' AS term`,
  )},
  runs AS (
    SELECT r.cadre_id, r.posting_id, r.unit_id, r.level, r.post_run_start, r.post_run_posting_ids, r.period,
           max(coalesce(r.end_date, 'infinity')) OVER (PARTITION BY r.cadre_id, r.unit_id, r.level, r.post_run_start)
             AS run_end
      FROM posting_run r
      JOIN position_level pl ON pl.code = r.level AND pl.is_leadership
     WHERE r.cadre_id = ANY(ids)
  ),
  terms AS (
    SELECT r.*, v.version, v.in_force, v.window, v.params, v.terms, v.term, t.starts
      FROM runs r CROSS JOIN versions v
      CROSS JOIN LATERAL (
        -- Enough term starts to find the one after the last allowed: at most terms + 1 per record.
        SELECT array_agg(x.d ORDER BY x.d) AS starts
          FROM posting p
          CROSS JOIN generate_series(0, v.terms) AS k
          CROSS JOIN LATERAL (SELECT (p.start_date + k * v.term)::date AS d) x
         WHERE p.id = ANY(r.post_run_posting_ids) AND x.d <= coalesce(p.end_date, 'infinity')
      ) t
     WHERE v.terms >= 1
  ),
  limited AS (
    SELECT t.cadre_id, t.version, t.in_force, t.window, t.period, t.run_end, 'WARNING' AS severity,
           coalesce(t.starts[t.terms + 1], (t.starts[t.terms] + t.term)::date) AS limit_date,
           jsonb_build_object('postingId', t.posting_id, 'unitId', t.unit_id, 'level', t.level,
                              'since', t.post_run_start, 'postingIds', to_jsonb(t.post_run_posting_ids),
                              'terms', t.terms, 'termYears', (t.params ->> 'termYears')::numeric,
                              'termStarts', to_jsonb(t.starts[1:t.terms])) AS facts
      FROM terms t
  )
  ${limitSpans(rule, '(SELECT * FROM limited WHERE limit_date IS NOT NULL)')}`;

export const termLimitRule: FlagRule<'TERM_LIMIT'> = {
  id: 'TERM_LIMIT',
  kind: 'flag',
  params: { counts: ['terms'], numbers: ['termYears'] },
  codes: [FlagCode.POSTING_LIMIT_EXCEEDED, FlagCode.POSTING_LIMIT_APPROACHING],
  overFrom: factDate('limitDate'),
  lightScope: 'scope_cur',
  spanSql,
  dependsOn: [cadreRows('posting_run')],
  // Evaluated as spans only: on one date it is the span holding then.
  sql: (s) => termLimitSpans(s),
  spans: (s) => termLimitSpans(s),
};

function termLimitSpans(s: Parameters<typeof readSpans>[0]) {
  return readSpans(
    s,
    rule,
    `format('同一职位连续任职自 %s 起，%s 个任期%s于 %s 届满，不再连任。 In the same post since %s: %s consecutive terms %s on %s; a further term is barred.',
       sp.facts ->> 'since', sp.facts ->> 'terms',
       CASE WHEN sp.code = 'POSTING_LIMIT_EXCEEDED' THEN '已' ELSE '将' END, sp.facts ->> 'limitDate',
       sp.facts ->> 'since', sp.facts ->> 'terms',
       CASE WHEN sp.code = 'POSTING_LIMIT_EXCEEDED' THEN 'were completed' ELSE 'will be completed' END,
       sp.facts ->> 'limitDate')`,
  );
}
