import { escapeLiteral } from 'pg';
import { SqlParams } from '../../common/sql/sql-params';
import { PolicyDocument } from '../../policy/policy.types';
import { pathwayFactsCtes } from '../facts/pathway-facts.sql';
import { PROMOTION_RULES } from '../pathway';
import { dateColumn } from '../readiness.sql';
import { requirementPeriods } from '../sanction-effect';
import { effectLateral } from '../sanction-periods.rule';
import { levelOrder, STEP_COLUMNS, stepRows } from '../steps';
import type { SpanRule } from './install';
import { cadreRows } from './span-sql';
import { UNIT_POSTINGS } from './limit-spans.sql';

/**
 * PATHWAY spans: promotion readiness for the leadership ladder kept in rule_span, so promotionCandidates reads an
 * index range instead of deriving every cadre's pathway facts per request (issue 14).
 *
 * Readiness on a date `asOf` (readiness.sql.ts) is: blocked when some requirement cannot be met by time alone,
 * else eligible_from = the latest date a requirement is met, READY_NOW when eligible_from ≤ asOf, READY_SOON
 * when eligible_from ≤ asOf + withinMonths. As a function of asOf, eligible_from is constant between the dates
 * on which the records the requirements read change: a posting starts or ends (level, run, unit kind, posts
 * held, grassroots service), 1 January of an appraisal's year and of the next (years counted up to asOf's
 * year, blocks from completed years), a sanction's effect starts or ends, a policy version takes effect. One
 * more: PROMO_GRASSROOTS_YEARS' date, asOf + the days still missing while in grassroots service, is the same
 * date every day of that service until it is reached, and from then on the requirement is met with no date
 * ('-infinity'). So readiness is evaluated once per cadre on each of those dates (set-based: one row per cadre
 * and date, the same SQL forms as the lists), and each piece up to the next date is a span, split at the
 * grassroots date, merged with its neighbours when nothing differs:
 *
 *   rule_id 'PATHWAY', code = the target level, valid = the dates asOf on which the cadre is not blocked and
 *   eligible_from ≤ asOf + 61 months (the longest READY_SOON reach, 60 months, and a month's slack: the reader
 *   tests the exact condition), facts = { eligibleFrom (a date or '-infinity'), levelStart, grassroots days
 *   as a base and whether they grow with asOf }: the score's continuous parts.
 *
 * Blocked dates have no span. Thresholds are literals of each policy version: the statement is generated from
 * the versions in the database when the rules installer runs (at boot, install.ts) into the function
 * pathway_readiness_spans(ids), and pathway_span_versions() names the versions it covers. A version published
 * later is covered from the next boot (which recomputes the spans); until then a list for a date under it is
 * evaluated on the fly (CandidatesService).
 */

export const PATHWAY_RULE_ID = 'PATHWAY';
/** The longest READY_SOON reach a list may ask for (PromotionCandidatesInput.withinMonths), plus one month. */
const SOON_REACH_MONTHS = 61;
/**
 * A span's grassroots days on asOf: its base, plus the days since this epoch while the cadre serves in
 * grassroots (they grow by one a day then).
 */
export const GRASSROOTS_EPOCH = `'2000-01-01'::date`;
const EPOCH = GRASSROOTS_EPOCH;

export interface PolicyVersionRow {
  version: number;
  document: PolicyDocument;
}

/** A bound value written into the statement as a literal of its type. */
function literal(value: unknown, type: string): string {
  if (value === null || value === undefined) return `NULL::${type}`;
  if (Array.isArray(value)) {
    return `ARRAY[${value.map((v) => escapeLiteral(String(v))).join(', ')}]::${type}`;
  }
  return `${escapeLiteral(typeof value === 'string' ? value : JSON.stringify(value))}::${type}`;
}

/** The statement with every `$n::type` placeholder replaced by its literal. */
function inline(sql: string, p: SqlParams): string {
  return sql.replace(/\$(\d+)::([a-z0-9_]+(?:\[\])?)/g, (_m, n: string, type: string) =>
    literal(p.values[Number(n) - 1], type),
  );
}

/** The spans of one policy version, over the cadres `ids`, clipped to the dates the version is in force. */
export function versionSpansSql(v: PolicyVersionRow): string | null {
  const policy = v.document;
  const steps = stepRows(policy).filter((s) => s.ladder === 'LEADERSHIP');
  if (!steps.length) return null;
  const p = new SqlParams();
  const forms = PROMOTION_RULES.map((r) => ({
    id: r.id,
    ...r.sql({ p, asOf: 'f.as_of', policy }),
  }));
  const columns = forms.map((f) => dateColumn(f.id));
  const gy = dateColumn('PROMO_GRASSROOTS_YEARS');
  const others = columns.filter((c) => c !== gy);
  const periods = requirementPeriods(policy);
  const sanctionDates = periods
    ? `UNION ALL
        SELECT s.cadre_id, unnest(ARRAY[s.effective_date, k.until]) FROM sanction s
          ${effectLateral(p.add(JSON.stringify(periods), 'jsonb'))}
         WHERE s.cadre_id = ANY(ids)`
    : '';
  const sql = `
    WITH pv AS (
      SELECT x.in_force FROM (
        SELECT pv.version, daterange(pv.effective_from, lead(pv.effective_from) OVER (ORDER BY pv.effective_from))
                 AS in_force
          FROM policy_version pv) x
       WHERE x.version = ${p.add(v.version, 'int')}
    ),
    pw_dates AS (
      SELECT DISTINCT b.cadre_id, b.d AS as_of
        FROM (SELECT p.cadre_id, p.start_date AS d FROM posting p WHERE p.cadre_id = ANY(ids)
              UNION ALL
              SELECT p.cadre_id, upper(p.period) FROM posting p WHERE p.cadre_id = ANY(ids)
              UNION ALL
              SELECT a.cadre_id, unnest(ARRAY[make_date(a.year, 1, 1), make_date(a.year + 1, 1, 1)])
                FROM appraisal a WHERE a.cadre_id = ANY(ids)
              ${sanctionDates}
              UNION ALL
              SELECT c.id, lower(pv.in_force) FROM cadre c, pv WHERE c.id = ANY(ids)) b, pv
       WHERE pv.in_force @> b.d
    ),
    pw_points AS MATERIALIZED (
      SELECT d.cadre_id, d.as_of,
             coalesce(lead(d.as_of) OVER (PARTITION BY d.cadre_id ORDER BY d.as_of), upper(pv.in_force)) AS next_at
        FROM pw_dates d, pv
    ),
    target AS (SELECT cadre_id, as_of FROM pw_points),
    ${pathwayFactsCtes({ asOf: 't.as_of', levelOrder: p.add(levelOrder(policy), 'text[]'), appraisalsLater: true, perDate: true })},
    steps AS (
      SELECT * FROM jsonb_to_recordset(${p.add(JSON.stringify(steps), 'jsonb')}) AS st(${STEP_COLUMNS})
    ),
    requirement_dates AS (
      SELECT f.cadre_id, f.as_of, st.to_level, f.level_start, f.grassroots_days, f.in_grassroots_now,
             ${forms.map((f) => `${f.date} AS ${dateColumn(f.id)}`).join(',\n             ')}
        FROM pathway_facts f
        JOIN steps st ON st.from_level = f.current_level AND st.ladder = f.ladder
        ${forms.flatMap((f) => (f.joins ? [f.joins] : [])).join('\n        ')}
    ),
    evaluated AS (
      SELECT r.cadre_id, r.as_of, pt.next_at, r.to_level, r.level_start, r.${gy} AS gy,
             greatest(${columns.map((c) => `r.${c}`).join(', ')}) AS eligible_from,
             greatest(${[...others.map((c) => `r.${c}`), `'-infinity'::date`].join(', ')}) AS eligible_after_gy,
             r.grassroots_days - CASE WHEN r.in_grassroots_now THEN r.as_of - ${EPOCH} ELSE 0 END AS gr_base,
             r.in_grassroots_now AS gr_now
        FROM requirement_dates r
        JOIN pw_points pt ON pt.cadre_id = r.cadre_id AND pt.as_of = r.as_of
       WHERE NOT (${columns.map((c) => `r.${c} IS NULL`).join(' OR ')})
    ),
    pieces AS (
      -- Up to the next date; split where PROMO_GRASSROOTS_YEARS is reached (met with no date from then on).
      SELECT e.cadre_id, e.to_level, e.level_start, e.gr_base, e.gr_now, x.lo, x.hi, x.eligible_from
        FROM evaluated e
        CROSS JOIN LATERAL (
          SELECT e.as_of, e.next_at, e.eligible_from
           WHERE NOT (e.gy > e.as_of AND e.gy < 'infinity' AND (e.next_at IS NULL OR e.gy < e.next_at))
          UNION ALL
          SELECT e.as_of, e.gy, e.eligible_from
           WHERE e.gy > e.as_of AND e.gy < 'infinity' AND (e.next_at IS NULL OR e.gy < e.next_at)
          UNION ALL
          SELECT e.gy, e.next_at, e.eligible_after_gy
           WHERE e.gy > e.as_of AND e.gy < 'infinity' AND (e.next_at IS NULL OR e.gy < e.next_at)
        ) x(lo, hi, eligible_from)
    ),
    marked AS (
      SELECT q.*,
             CASE WHEN q.lo IS DISTINCT FROM lag(q.hi) OVER w
                    OR (q.to_level, q.eligible_from, q.level_start, q.gr_base, q.gr_now)
                       IS DISTINCT FROM (lag(q.to_level) OVER w, lag(q.eligible_from) OVER w,
                                         lag(q.level_start) OVER w, lag(q.gr_base) OVER w, lag(q.gr_now) OVER w)
                  THEN 1 ELSE 0 END AS starts
        FROM pieces q
      WINDOW w AS (PARTITION BY q.cadre_id ORDER BY q.lo)
    ),
    merged AS (
      SELECT m.cadre_id, m.to_level, m.eligible_from, m.level_start, m.gr_base, m.gr_now, min(m.lo) AS lo,
             CASE WHEN bool_or(m.hi IS NULL) THEN NULL ELSE max(m.hi) END AS hi
        FROM (SELECT k.*, sum(k.starts) OVER (PARTITION BY k.cadre_id ORDER BY k.lo) AS island FROM marked k) m
       GROUP BY m.cadre_id, m.island, m.to_level, m.eligible_from, m.level_start, m.gr_base, m.gr_now
    )
    SELECT g.cadre_id, g.to_level, g.valid_from, g.hi AS valid_to, ${p.add(v.version, 'int')} AS policy_version,
           jsonb_build_object('eligibleFrom', g.eligible_from::text, 'levelStart', g.level_start,
                              'grassrootsBase', g.gr_base, 'grassrootsNow', g.gr_now) AS facts
      FROM (SELECT m.*, CASE WHEN m.eligible_from = '-infinity' THEN m.lo
                             ELSE greatest(m.lo, (m.eligible_from - make_interval(months => ${SOON_REACH_MONTHS}))::date)
                        END AS valid_from
              FROM merged m) g
     WHERE g.hi IS NULL OR g.valid_from < g.hi`;
  return inline(sql, p);
}

const FUNCTION = 'pathway_readiness_spans';
/**
 * Up to this many cadres (a write's), pathway_readiness_spans lets the planner use nested loops, and
 * refresh_rule_spans runs every statement on its kept generic plan (install.ts).
 */
export const NESTED_LOOPS_UP_TO = 50;
const VERSIONS_FUNCTION = 'pathway_span_versions';

/**
 * The functions generated from the policy versions: pathway_readiness_spans(ids) (the spans of those cadres
 * under every version) and pathway_span_versions() (the versions covered).
 */
export function pathwaySpanDdl(versions: readonly PolicyVersionRow[]): string[] {
  const branches = versions.flatMap((v) => {
    const sql = versionSpansSql(v);
    return sql ? [`SELECT * FROM (${sql}) v${v.version}`] : [];
  });
  const body = branches.length
    ? branches.join('\n    UNION ALL\n')
    : `SELECT NULL::uuid, NULL::text, NULL::date, NULL::date, NULL::int, NULL::jsonb WHERE false`;
  const covered = versions.filter((v) => versionSpansSql(v) !== null).map((v) => v.version);
  return [
    `DROP FUNCTION IF EXISTS ${FUNCTION}(uuid[])`,
    // A write's few cadres: the statement's plan is kept (planning it takes 100 ms or more), with nested loops.
    // A set of cadres: planned for them (EXECUTE). The planner estimates a row or so for each per-date CTE,
    // and over many cadres nested loops between them grow with the square of the dates (300 cadres: 4.1 s;
    // hash joins: 0.6 s). No JIT: the disabled nested loops' cost would call for it, and compiling this
    // statement takes seconds.
    `CREATE FUNCTION ${FUNCTION}(ids uuid[])
  RETURNS TABLE (cadre_id uuid, to_level text, valid_from date, valid_to date, policy_version int, facts jsonb)
  LANGUAGE plpgsql SET jit = off AS $pathway$
  #variable_conflict use_column
  DECLARE
    nestloop text := current_setting('enable_nestloop');
  BEGIN
    IF coalesce(cardinality(ids), 0) <= ${NESTED_LOOPS_UP_TO} THEN
      RETURN QUERY
${body};
      RETURN;
    END IF;
    PERFORM set_config('enable_nestloop', 'off', true);
    RETURN QUERY EXECUTE $body$
${body.replace(/\bANY\(ids\)/g, 'ANY($1)')}
$body$ USING ids;
    PERFORM set_config('enable_nestloop', nestloop, true);
  END
$pathway$`,
    `CREATE OR REPLACE FUNCTION ${VERSIONS_FUNCTION}() RETURNS int[] LANGUAGE sql IMMUTABLE AS $pathway$
  SELECT ARRAY[${covered.join(', ')}]::int[]
$pathway$`,
  ];
}

/**
 * The spans that are flags, over a rule_span row aliased `alias`: every span but PATHWAY's (readiness, whose code is
 * a level). Readers of all flags (the change feed, the webhooks' flag events) keep to these.
 */
export const flagSpansOnly = (alias: string): string => `${alias}.rule_id <> '${PATHWAY_RULE_ID}'`;

/** The policy versions in the database, for pathwaySpanDdl. */
export const POLICY_VERSIONS_SQL = `SELECT version, document FROM policy_version ORDER BY version`;

/**
 * The PATHWAY span rule for the installer: its statement reads the generated function; it changes with
 * postings (runs, and postings of any kind: grassroots service and posts held), appraisals, sanctions, the
 * cadre's own fields (work start, education, Party membership) and units (level, kind).
 */
export const PATHWAY_SPAN_RULE: SpanRule = {
  id: PATHWAY_RULE_ID,
  spanSql: `INSERT INTO rule_span (cadre_id, rule_id, code, severity, valid_from, valid_to, policy_version, facts)
    SELECT s.cadre_id, '${PATHWAY_RULE_ID}', s.to_level, 'INFO', s.valid_from, s.valid_to, s.policy_version, s.facts
      FROM ${FUNCTION}(ids) s`,
  dependsOn: [
    cadreRows('posting_run'),
    // Regular postings change runs; the others count for grassroots service and posts held.
    { table: 'posting', cadreIds: `SELECT cadre_id FROM changed WHERE kind <> 'REGULAR'` },
    cadreRows('appraisal'),
    cadreRows('sanction'),
    { table: 'cadre', cadreIds: 'SELECT id FROM changed' },
    UNIT_POSTINGS,
  ],
};

/** The policy versions the installed PATHWAY spans cover: empty before the installer ran. */
export async function pathwaySpanVersions(
  query: (sql: string) => Promise<{ v: number[] | null }[]>,
): Promise<number[]> {
  const [present] = await query(
    `SELECT CASE WHEN to_regprocedure('${VERSIONS_FUNCTION}()') IS NOT NULL THEN ARRAY[]::int[] END AS v`,
  );
  if (!present?.v) return [];
  const [row] = await query(`SELECT ${VERSIONS_FUNCTION}() AS v`);
  return row?.v ?? [];
}

/**
 * Whether the installed PATHWAY spans cover a policy version (pathwaySpanVersions), asked of the database until
 * it is: a version once covered stays covered (a version published after boot is covered from the next boot).
 */
export class PathwaySpanCoverage {
  private readonly covered = new Set<number>();

  constructor(private readonly query: (sql: string) => Promise<{ v: number[] | null }[]>) {}

  async covers(version: number): Promise<boolean> {
    if (this.covered.has(version)) return true;
    for (const v of await pathwaySpanVersions(this.query)) this.covered.add(v);
    return this.covered.has(version);
  }
}

/**
 * READY_NOW (the PROMOTION_ELIGIBLE flag) of the cadres `ids` (`$n::uuid[]`) on asOf (`$n::date`) from their
 * PATHWAY spans, for a date under a policy version the spans cover: one index lookup per cadre instead of their
 * pathway facts. A cadre whose span holds on asOf is READY_NOW when eligible from asOf (row `ready` true). A
 * cadre with no span then is not READY_NOW when its step is on the leadership ladder (blocked, or eligible too
 * late), and its readiness is not in the spans when it is on another ladder: those come back with `ready` false,
 * to be evaluated on the fly (readyNowSql), as is every cadre with a current regular posting on another ladder
 * (pathway_facts takes the highest of two such postings: the spans alone cannot say which). Cadres not returned
 * are not READY_NOW.
 */
export function readyNowFromSpansSql(asOf: string, ids: string): string {
  return `
    SELECT t.cadre_id, coalesce(s.ready, false) AS ready
      FROM unnest(${ids}) AS t(cadre_id)
      CROSS JOIN LATERAL (
        SELECT bool_or((sp.facts ->> 'eligibleFrom')::date <= ${asOf}) AS ready FROM rule_span sp
         WHERE sp.cadre_id = t.cadre_id AND sp.rule_id = '${PATHWAY_RULE_ID}' AND sp.valid @> ${asOf}) s
     WHERE s.ready
        OR EXISTS (SELECT 1 FROM posting_run r JOIN position_level pl ON pl.code = r.level
                    WHERE r.cadre_id = t.cadre_id AND r.period @> ${asOf} AND pl.ladder <> 'LEADERSHIP')`;
}
