import { spanVersions, versionParam, versionParamJson } from './spans/span-sql';
import { details, FlagSql, source } from './sql/flag-sql';

export type TrainingRule = 'TRAINING_ANNUAL' | 'TRAINING_5Y';

/*
 * TRAINING_SHORTFALL of the two training rules (干部教育培训工作条例 (2023) art. 14), as the text means them:
 * - only centralised training counts (the rule's countingKinds; a version without them counts every kind);
 * - `hours` class hours, or `days` days of training (the "12 days" and "3 months" alternatives): short means
 *   short of both;
 * - the requirement starts at entry to the band (the continuous run of regular postings at the rule's levels,
 *   re-appointment gaps within REAPPOINTMENT_GAP tolerated, as posting_run joins them), and is pro-rated:
 *   TRAINING_ANNUAL judges the last completed year (WARNING) and shows the current one (INFO), each required
 *   × the days in the band that year (up to the date, for the current year) / the days of the year;
 *   TRAINING_5Y counts from max(entry, date − windowYears) and, until the band has lasted windowYears, requires
 *   × the days since entry / the days of the band's first windowYears (INFO); after that in full (WARNING).
 * Every comparison is `done × len < required × covered` (a window `covered` days out of `len`), the same in the
 * flags evaluated on the fly, in the spans and in their reader.
 */

/** Whether training row `t` counts under `kinds` (jsonb list; NULL: every kind). */
const counts = (kinds: string): string => `t.completed AND (${kinds} IS NULL OR ${kinds} ? t.kind::text)`;

/**
 * Whether posting_run row `r` continues the band of the rows before it in `win` (ordered by start): it starts at
 * most a day, plus the re-appointment gap tolerance, after the latest end before it.
 */
const joinsBand = (win: string): string =>
  `coalesce(r.start_date <= max(coalesce(r.end_date, 'infinity'::date)) OVER (${win} ROWS BETWEEN UNBOUNDED PRECEDING
           AND 1 PRECEDING) + 1 + reappointment_gap_days(r.start_date), false)`;

/** The entry to the band covering `d` of the cadre `cadre` currently at one of `levels` (text[]). */
const bandStart = (cadre: string, levels: string, d: string): string => `
          SELECT max(b.start_date) FILTER (WHERE NOT b.joins) AS band_start
            FROM (SELECT r.start_date, ${joinsBand('ORDER BY r.start_date')} AS joins
                    FROM posting_run r
                   WHERE r.cadre_id = ${cadre} AND r.level::text = ANY(${levels}) AND r.start_date <= ${d}) b`;

/**
 * The window judged on `d` for a band entered on `b`: from_date..to_date (the training ends counted), and the
 * share `covered` / `len` of the requirement. TRAINING_ANNUAL: the previous calendar year when `prev`, else the
 * current one up to d (the days elapsed before d, so nothing is due on 1 January or on the day of entry).
 * TRAINING_5Y: the full window once d ≥ b + windowYears (`win`, an interval), else from b, pro-rated.
 */
function window(rule: TrainingRule, d: string, b: string, prev: string, win: string): string {
  if (rule === 'TRAINING_ANNUAL') {
    return `
          SELECT w.y_from AS from_date, CASE WHEN ${prev} THEN w.upto - 1 ELSE w.upto END AS to_date,
                 w.upto - greatest(w.y_from, ${b}) AS covered, (w.y_from + interval '1 year')::date - w.y_from AS len
            FROM (SELECT CASE WHEN ${prev} THEN (date_trunc('year', ${d}) - interval '1 year')::date
                              ELSE date_trunc('year', ${d})::date END AS y_from,
                         CASE WHEN ${prev} THEN date_trunc('year', ${d})::date ELSE ${d} END AS upto) w`;
  }
  return `
          SELECT CASE WHEN w.is_full THEN greatest((${d} - ${win})::date + 1, ${b}) ELSE ${b} END AS from_date,
                 ${d} AS to_date, CASE WHEN w.is_full THEN 1 ELSE ${d} - ${b} END AS covered,
                 CASE WHEN w.is_full THEN 1 ELSE w.f - ${b} END AS len
            FROM (SELECT ${d} >= (${b} + ${win})::date AS is_full, (${b} + ${win})::date AS f) w`;
}

/** Centralised class hours and days of training of `cadre` ending in the window `w`. */
const done = (cadre: string, kinds: string): string => `
          SELECT coalesce(sum(t.class_hours), 0) AS done, coalesce(sum(t.end_date - t.start_date + 1), 0) AS done_days
            FROM training t
           WHERE t.cadre_id = ${cadre} AND ${counts(kinds)} AND t.end_date BETWEEN w.from_date AND w.to_date`;

/** Short on the window `w` (columns covered, len) with `m` (done, done_days) against hours and days. */
const short = (hours: string, days: string): string =>
  `(m.done * w.len < ${hours} * w.covered AND (${days} IS NULL OR m.done_days * w.len < ${days} * w.covered))`;

/** The rule's params on the fly: hours, days, windowYears (interval), kinds (jsonb), levels (text[]). */
function liveParams(s: FlagSql, rule: TrainingRule) {
  const p = s.policy.rules[rule].params as {
    hours: number;
    days?: number;
    windowYears?: number;
    countingKinds?: string[];
    appliesToLevels: string[];
  };
  return {
    hours: s.p.add(p.hours, 'numeric'),
    days: s.p.add(p.days ?? null, 'numeric'),
    win: `(${s.p.add(p.windowYears ?? 0, 'float8')} * interval '1 year')`,
    kinds: s.p.add(p.countingKinds ? JSON.stringify(p.countingKinds) : null, 'jsonb'),
    levels: s.p.add(p.appliesToLevels, 'text[]'),
  };
}

/** Evaluated on the fly: the cadres in `cur` at the rule's levels, short on asOf. */
export function shortfall(s: FlagSql, rule: TrainingRule): string {
  const x = liveParams(s, rule);
  // TRAINING_ANNUAL: the last completed year first (WARNING), else the current one (INFO).
  const judged =
    rule === 'TRAINING_ANNUAL'
      ? `SELECT k.prev, w.*, m.* FROM (VALUES (true), (false)) k(prev)
           CROSS JOIN LATERAL (${window(rule, s.asOf, 'b.band_start', 'k.prev', x.win)}) w
           CROSS JOIN LATERAL (${done('cur.cadre_id', x.kinds)}) m
          WHERE ${short(x.hours, x.days)}
          ORDER BY k.prev DESC LIMIT 1`
      : `SELECT w.covered < w.len AS info, w.*, m.* FROM (${window(rule, s.asOf, 'b.band_start', 'false', x.win)}) w
           CROSS JOIN LATERAL (${done('cur.cadre_id', x.kinds)}) m
          WHERE ${short(x.hours, x.days)}`;
  const severity =
    rule === 'TRAINING_ANNUAL'
      ? `CASE WHEN j.prev THEN 'WARNING' ELSE 'INFO' END`
      : `CASE WHEN j.info THEN 'INFO' ELSE 'WARNING' END`;
  const rows = `(
      SELECT cur.cadre_id, cur.level, ${severity} AS severity, b.band_start, ${x.hours} AS hours, ${x.days} AS days,
             j.from_date, j.to_date, j.covered, j.len, j.done, j.done_days
        FROM cur
        CROSS JOIN LATERAL (${bandStart('cur.cadre_id', x.levels, s.asOf)}) b
        CROSS JOIN LATERAL (${judged}) j
       WHERE cur.level::text = ANY(${x.levels})) r`;
  return words(s, rule, rows);
}

/**
 * Read from rule_span (written by the rule's spanSql): the span holding on asOf says the cadre is short and how
 * (its severity: which window); its facts carry the band entry and the version's thresholds. The hours completed
 * are summed here, and only when the statement shows them (not light).
 */
export function shortfallSpans(s: FlagSql, rule: TrainingRule): string {
  const f = (k: string) => `(sp.facts ->> '${k}')`;
  const win = `(${f('windowYears')}::float8 * interval '1 year')`;
  // From each cadre of the scope to its spans (rule_span_cadre_idx): OFFSET 0 keeps the planner from flattening
  // the lateral into a scan of every cadre's spans (it did, on a scope CTE it cannot size).
  const measured = s.light
    ? 'NULL::date AS from_date, NULL::date AS to_date, NULL::int AS covered, NULL::int AS len, NULL::numeric AS done, NULL::int AS done_days'
    : 'w.from_date, w.to_date, w.covered, w.len, m.done, m.done_days';
  const joins = s.light
    ? ''
    : `CROSS JOIN LATERAL (${window(rule, s.asOf, 'sp.band_start', `sp.severity = 'WARNING'`, win)}) w
        CROSS JOIN LATERAL (${done('sp.cadre_id', `nullif(sp.facts -> 'countingKinds', 'null'::jsonb)`)}) m`;
  // A light read over every posted cadre (a province's list: its count and order need only who holds which
  // severity) joins the spans holding on asOf to the scope as one set: the covering GiST index on
  // (valid, rule_id) answers it without visiting the table, where a lookup per cadre read 95,000 cadres' rows.
  if (s.light && s.scopeCur) {
    return words(
      s,
      rule,
      `(
      SELECT sp.cadre_id, NULL::text AS level, sp.severity, NULL::date AS band_start, NULL::numeric AS hours,
             NULL::numeric AS days, ${measured}
        FROM rule_span sp JOIN scope_cur s ON s.cadre_id = sp.cadre_id
       WHERE sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}) r`,
    );
  }
  const rows = `(
      SELECT sp.cadre_id, sp.level, sp.severity, sp.band_start, sp.hours, sp.days, ${measured}
        FROM scope_cur s
        JOIN LATERAL (SELECT sp.*, ${f('level')} AS level, ${f('bandStart')}::date AS band_start,
                             ${f('hours')}::numeric AS hours, ${f('days')}::numeric AS days
                        FROM rule_span sp
                       WHERE sp.cadre_id = s.cadre_id AND sp.rule_id = '${rule}' AND sp.valid @> ${s.asOf}
                      OFFSET 0) sp ON true
        ${joins}) r`;
  return words(s, rule, rows);
}

/**
 * The flag over `rows` (r.cadre_id, level, severity, band_start, hours, days, from_date, to_date, covered, len,
 * done, done_days), however they were found.
 */
function words(s: FlagSql, rule: TrainingRule, rows: string): string {
  const required = `round(r.hours * r.covered / r.len, 1)`;
  const requiredDays = `round(r.days * r.covered / r.len, 1)`;
  const what =
    rule === 'TRAINING_ANNUAL'
      ? `format(CASE WHEN r.severity = 'WARNING' THEN 'in %s' ELSE 'in %s up to %s' END,
                extract(year FROM r.from_date)::int, r.to_date)`
      : `format('from %s to %s', r.from_date, r.to_date)`;
  const window =
    rule === 'TRAINING_ANNUAL'
      ? `'year', extract(year FROM r.from_date)::int`
      : `'windowStart', r.from_date, 'windowEnd', r.to_date`;
  return `
    SELECT r.cadre_id, 'TRAINING_SHORTFALL', r.severity, '${rule}', ${source(s, rule)},
           ${details(
             s,
             `format('%s of %s class hours%s of centralised training completed %s%s; %s hours missing.',
                  trim_scale(r.done), trim_scale(${required}),
                  CASE WHEN r.days IS NOT NULL
                       THEN format(' (or %s of %s days)', r.done_days, trim_scale(${requiredDays})) ELSE '' END,
                  ${what},
                  CASE WHEN r.covered < r.len
                       THEN format(' (required pro-rated: %s of %s days)', r.covered, r.len) ELSE '' END,
                  trim_scale(${required} - r.done))`,
             `jsonb_build_object('level', r.level, ${window}, 'bandStart', r.band_start,
                              'hoursCompleted', r.done, 'hoursRequired', trim_scale(${required}),
                              'hoursFull', trim_scale(r.hours),
                              'hoursMissing', trim_scale(${required} - r.done), 'daysCompleted', r.done_days,
                              'daysRequired', trim_scale(${requiredDays}), 'proRated', r.covered < r.len)`,
           )},
           0
      FROM ${rows}`;
}

/**
 * The versions and ranges CTEs of a training rule's spanSql: each regular posting of the cadres `ids` at a level
 * the rule applies to, within each version in force, with the entry to its band (band_start) and the version's
 * thresholds: hours, days (NULL: no days alternative), win (TRAINING_5Y's window), kinds (NULL: every kind).
 */
function spanRanges(rule: TrainingRule): string {
  return `versions AS MATERIALIZED (${spanVersions(
    rule,
    `${versionParam(rule, 'hours')}::numeric AS hours, ${versionParam(rule, 'days')}::numeric AS days,
             coalesce(${versionParam(rule, 'windowYears')}::float8, 0) AS win_years,
             coalesce(${versionParam(rule, 'windowYears')}::float8, 0) * interval '1 year' AS win,
             ${versionParamJson(rule, 'countingKinds')} AS kinds,
             ARRAY(SELECT jsonb_array_elements_text(${versionParamJson(rule, 'appliesToLevels')})) AS levels`,
  )}
    ),
    -- Each regular posting at a level the rule applies to, within each version, with its band's entry.
    ranges AS MATERIALIZED (
      SELECT x.* FROM (
        SELECT b.cadre_id, b.level, v.version, v.hours, v.days, v.win_years, v.win, v.kinds, b.band_start,
               daterange(b.start_date, b.end_date, '[]') * v.in_force AS range
          FROM versions v
          CROSS JOIN LATERAL (
            SELECT r.*, max(r.start_date) FILTER (WHERE NOT r.joins) OVER (PARTITION BY r.cadre_id ORDER BY r.start_date
                                                                      ROWS UNBOUNDED PRECEDING) AS band_start
              FROM (SELECT r.cadre_id, r.level, r.start_date, r.end_date,
                           ${joinsBand('PARTITION BY r.cadre_id ORDER BY r.start_date')} AS joins
                      FROM posting_run r
                     WHERE r.cadre_id = ANY(ids) AND r.level::text = ANY(v.levels)) r) b
         -- hours of 0 or less, or days of 0, are never short (nothing completed is not less than them)
         WHERE v.hours > 0 AND coalesce(v.days, 1) > 0) x
       WHERE NOT isempty(x.range)
    ),
    tr AS MATERIALIZED (
      SELECT t.cadre_id, t.kind, t.completed, t.end_date, t.class_hours AS h, t.end_date - t.start_date + 1 AS dd
        FROM training t WHERE t.cadre_id = ANY(ids) AND t.completed
    )`;
}

/** The rows of a training rule's spans over `from`, giving s.cadre_id, s.severity, s.version, g (a range) and d. */
const spanRows = (rule: TrainingRule, from: string): string => `
    SELECT g.cadre_id, '${rule}', 'TRAINING_SHORTFALL', s.severity, lower(d), upper(d), g.version,
           jsonb_build_object('level', g.level, 'bandStart', g.band_start, 'hours', g.hours, 'days', g.days,
                              'countingKinds', g.kinds${rule === 'TRAINING_5Y' ? `, 'windowYears', g.win_years` : ''})
      FROM ${from}`;

/**
 * The days after the window's start on which a piece with `p.done` hours and `p.done_days` days first falls short,
 * less one: d − start > done × len / hours (and the same for days), in whole days; capped at 100,000 days (beyond
 * any posting) so the date stays in range.
 */
const threshold = (len: string): string =>
  `least(greatest(floor(p.done * (${len}) / p.hours),
                  coalesce(floor(p.done_days * (${len}) / p.days), -1)), 100000)::int`;

/**
 * TRAINING_5Y's spanSql. The centralised hours and days in the window on a day d change where a training ending on
 * or after the band's entry ends (+) and where it leaves the window (−: the first d with (d − windowYears) ≥ its
 * end); between those days they are constant. Until f = entry + windowYears, a piece with `done` is short from
 * entry + floor(done × (f − entry) / hours) + 1 on (INFO, the requirement grows by the day); from f on, it is short
 * as a whole or not at all (WARNING).
 */
export const training5ySpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH ${spanRanges('TRAINING_5Y')},
    keys AS (SELECT DISTINCT cadre_id, version, win, kinds, band_start, hours, days FROM ranges),
    events AS (
      SELECT k.*, k.band_start AS at, 0::numeric AS dh, 0 AS dd FROM keys k
      UNION ALL
      SELECT k.*, e.at, e.dh, e.dd
        FROM keys k
        JOIN tr t ON t.cadre_id = k.cadre_id AND t.end_date >= k.band_start AND ${counts('k.kinds')}
        CROSS JOIN LATERAL (SELECT (t.end_date + k.win)::date AS later) w
        CROSS JOIN LATERAL (VALUES (t.end_date, t.h, t.dd),
                                   (CASE WHEN (w.later - k.win)::date >= t.end_date THEN w.later ELSE w.later + 1 END,
                                    -t.h, -t.dd)) AS e(at, dh, dd)
    ),
    pieces AS (
      SELECT s.*, daterange(s.at, lead(s.at) OVER w) AS piece, sum(s.dh) OVER w AS done,
             sum(s.dd) OVER w AS done_days, (s.band_start + s.win)::date AS f
        FROM (SELECT cadre_id, version, win, kinds, band_start, hours, days, at, sum(dh) AS dh, sum(dd) AS dd
                FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) s
      WINDOW w AS (PARTITION BY cadre_id, version, band_start ORDER BY at)
    ),
    short AS (
      SELECT x.cadre_id, x.version, x.band_start, x.severity, range_agg(x.days) AS days
        FROM (SELECT p.cadre_id, p.version, p.band_start, 'WARNING' AS severity,
                     p.piece * daterange(p.f, NULL) AS days
                FROM pieces p
               WHERE p.done < p.hours AND (p.days IS NULL OR p.done_days < p.days)
              UNION ALL
              SELECT p.cadre_id, p.version, p.band_start, 'INFO',
                     p.piece * daterange(least(p.band_start + 1 + ${threshold('p.f - p.band_start')}, p.f), p.f)
                FROM pieces p) x
       WHERE NOT isempty(x.days)
       GROUP BY 1, 2, 3, 4
    )
    ${spanRows(
      'TRAINING_5Y',
      `ranges g JOIN short s ON s.cadre_id = g.cadre_id AND s.version = g.version AND s.band_start = g.band_start
        CROSS JOIN LATERAL unnest(s.days * datemultirange(g.range)) AS d`,
    )}`;

/**
 * TRAINING_ANNUAL's spanSql, found year by year without walking days. A completed year Y is short when its
 * centralised hours (and days) fall short of the requirement × the days of Y in the band / the days of Y; then the
 * year after it is WARNING throughout (a year with no training at all is always short, so an open posting's
 * later years need no row of their own: WARNING runs on to the next year that is met). The current year is
 * judged (INFO) only where no WARNING holds: the year of entry, and each year after a met one. In such a year the
 * hours only grow, so each piece between training ends, with `done`, is short from
 * s + floor(done × len / hours) + 1 on (s: 1 January or the entry; len: the days of the year).
 */
export const annualSpanSql = `
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    WITH ${spanRanges('TRAINING_ANNUAL')},
    keys AS (SELECT DISTINCT cadre_id, version, kinds, band_start, hours, days FROM ranges),
    -- The centralised hours and days of each year with training, under each version's kinds.
    years AS (
      SELECT k.cadre_id, k.version, k.band_start, k.hours, k.days, y.year,
             (y.year + interval '1 year')::date - y.year AS len,
             (y.year + interval '1 year')::date - greatest(y.year, k.band_start) AS covered,
             sum(t.h) AS done, sum(t.dd) AS done_days
        FROM keys k
        JOIN tr t ON t.cadre_id = k.cadre_id AND ${counts('k.kinds')}
        CROSS JOIN LATERAL (SELECT date_trunc('year', t.end_date)::date AS year) y
       WHERE y.year >= date_trunc('year', k.band_start)::date
       GROUP BY 1, 2, 3, 4, 5, 6
    ),
    met AS (
      SELECT * FROM years y
       WHERE NOT (y.done * y.len < y.hours * y.covered AND (y.days IS NULL OR y.done_days * y.len < y.days * y.covered))
    ),
    -- WARNING: from the first 1 January in the band on, but for the years after a met year.
    met_after AS (
      SELECT m.cadre_id, m.version, m.band_start,
             range_agg(daterange((m.year + interval '1 year')::date, (m.year + interval '2 years')::date)) AS days
        FROM met m GROUP BY 1, 2, 3
    ),
    warn AS (
      SELECT k.cadre_id, k.version, k.band_start,
             datemultirange(daterange((date_trunc('year', k.band_start) + interval '1 year')::date, NULL))
               - coalesce(a.days, '{}'::datemultirange) AS days
        FROM keys k
        LEFT JOIN met_after a ON a.cadre_id = k.cadre_id AND a.version = k.version AND a.band_start = k.band_start
    ),
    -- The years judged as current: the year of entry, and each year after a met one.
    judged AS (
      SELECT x.*, greatest(x.year, x.band_start) AS s, (x.year + interval '1 year')::date AS next
        FROM (SELECT k.cadre_id, k.version, k.kinds, k.band_start, k.hours, k.days,
                     date_trunc('year', k.band_start)::date AS year
                FROM keys k
              UNION
              SELECT k.cadre_id, k.version, k.kinds, k.band_start, k.hours, k.days,
                     (m.year + interval '1 year')::date
                FROM keys k
                JOIN met m ON m.cadre_id = k.cadre_id AND m.version = k.version AND m.band_start = k.band_start) x
    ),
    -- Each judged year in pieces between the ends of its trainings, with the hours and days done by then.
    points AS (
      SELECT j.*, j.year AS at, 0::numeric AS dh, 0::bigint AS dd FROM judged j
      UNION ALL
      SELECT j.*, t.end_date, t.h, t.dd
        FROM judged j
        JOIN tr t ON t.cadre_id = j.cadre_id AND ${counts('j.kinds')} AND t.end_date >= j.year AND t.end_date < j.next
    ),
    pieces AS (
      SELECT p.*, daterange(p.at, coalesce(lead(p.at) OVER w, p.next)) AS piece,
             sum(p.dh) OVER w AS done, sum(p.dd) OVER w AS done_days
        FROM points p
      WINDOW w AS (PARTITION BY p.cadre_id, p.version, p.band_start, p.year ORDER BY p.at
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ),
    info AS (
      SELECT p.cadre_id, p.version, p.band_start,
             range_agg(p.piece * daterange(p.s + 1 + ${threshold('p.next - p.year')}, NULL)) AS days
        FROM pieces p
       GROUP BY 1, 2, 3
    ),
    short AS (
      SELECT cadre_id, version, band_start, 'WARNING' AS severity, days FROM warn
      UNION ALL
      SELECT cadre_id, version, band_start, 'INFO', days FROM info
    )
    ${spanRows(
      'TRAINING_ANNUAL',
      `ranges g JOIN short s ON s.cadre_id = g.cadre_id AND s.version = g.version AND s.band_start = g.band_start
        CROSS JOIN LATERAL unnest(s.days * datemultirange(g.range)) AS d`,
    )}`;
