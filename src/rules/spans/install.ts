import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RULES } from '../registry';
import { SpanDependency } from '../rule';
import { cadreRows } from './span-sql';
import {
  NESTED_LOOPS_UP_TO,
  PATHWAY_SPAN_RULE,
  pathwaySpanDdl,
  POLICY_VERSIONS_SQL,
  PolicyVersionRow,
} from './pathway-spans.sql';

/**
 * A rule whose spans are kept: its id, its one INSERT … SELECT statement over `ids`, what changes them, and the
 * day its flags' days past count from (SpanSource.overFrom).
 */
export interface SpanRule {
  id: string;
  spanSql: string;
  dependsOn: readonly SpanDependency[];
  overFrom?: (facts: string) => string;
}

/** Every rule of the registry that declares spanSql, in registry order. */
export function spanRules(): SpanRule[] {
  const out: SpanRule[] = [];
  for (const rule of Object.values(RULES)) {
    if (rule.kind !== 'flag' && rule.kind !== 'promotion') continue;
    if (rule.spanSql === undefined && rule.dependsOn === undefined) continue;
    if (!rule.spanSql || !rule.dependsOn?.length) {
      throw new Error(
        `${rule.id}: spanSql and dependsOn go together (a rule with spans is refreshed on some write)`,
      );
    }
    out.push({ id: rule.id, spanSql: rule.spanSql, dependsOn: rule.dependsOn, overFrom: rule.overFrom });
  }
  // Promotion readiness on the leadership ladder, from every promotion rule's SQL form (pathway-spans.sql.ts).
  out.push(PATHWAY_SPAN_RULE);
  return out;
}

/** The installer's own names: every trigger and trigger function it creates starts so (uninstalled by pattern). */
const PREFIX = 'rule_spans_';
const POLICY_TABLE = 'policy_version';
const IDENT = /^[a-z_][a-z0-9_]*$/;

/** The statement of one rule, without a trailing semicolon, for the body of refresh_rule_spans. */
function statement(rule: SpanRule): string {
  const sql = rule.spanSql.trim().replace(/;$/, '').trim();
  if (!/^(WITH|INSERT)\b/i.test(sql) || !/\bINSERT\s+INTO\s+rule_span\b/i.test(sql)) {
    throw new Error(`${rule.id}: spanSql must be one INSERT INTO rule_span … statement`);
  }
  // Written to the fresh set first: refresh_rule_spans then changes only the rows that differ.
  const fresh = sql.replace(/\bINSERT\s+INTO\s+rule_span\b/i, `INSERT INTO ${FRESH}`);
  return `    -- ${rule.id}\n    IF only_rules IS NULL OR '${rule.id}' = ANY(only_rules) THEN\n    ${fresh};\n    END IF;`;
}

/** The session's scratch table where the rules' statements write the cadres' spans before they are compared. */
const FRESH = 'pg_temp.rule_span_fresh';

/**
 * A span compared as a whole row (NULLs equal; row_number tells identical rows apart), by equalities only, so
 * that both anti-joins hash. over_from follows from the facts, but a span stored before it was kept (NULL) differs
 * and is written again.
 */
const SPAN_KEY = `cadre_id, rule_id, code, severity, coalesce(domain, '') AS k_domain, domain IS NULL AS k_no_domain,
               valid_from, coalesce(valid_to, 'infinity') AS k_to, valid_to IS NULL AS k_open, policy_version, facts,
               coalesce(over_from, '-infinity') AS k_over, over_from IS NULL AS k_no_over`;
const SPAN_PARTITION = `cadre_id, rule_id, code, severity, domain, valid_from, valid_to, policy_version, facts, over_from`;
const SAME_SPAN = [
  'cadre_id',
  'rule_id',
  'code',
  'severity',
  'k_domain',
  'k_no_domain',
  'valid_from',
  'k_to',
  'k_open',
  'policy_version',
  'facts',
  'k_over',
  'k_no_over',
  'n',
]
  .map((c) => `f.${c} = o.${c}`)
  .join(' AND ');

/**
 * The cadres' spans as the rules give them now (the fresh set) against those stored: the stored rows no rule
 * gives any more are deleted, the fresh rows not stored are inserted, the rest is left alone. Most of a
 * recompute (a new policy version, a reinstall, a posting added late in a career) leaves most spans as they
 * were, and an insert into rule_span costs its two GiST indexes far more than the comparison.
 */
const applyFresh = (rules: readonly SpanRule[]): string => `WITH f AS MATERIALIZED (
      SELECT domain, valid_to, over_from, ${SPAN_KEY}, row_number() OVER (PARTITION BY ${SPAN_PARTITION}) AS n
        FROM (SELECT x.*, ${overFromCase(rules)} AS over_from FROM ${FRESH} x) x),
    o AS MATERIALIZED (
      SELECT ctid AS row_ctid, ${SPAN_KEY}, row_number() OVER (PARTITION BY ${SPAN_PARTITION}) AS n
        FROM rule_span WHERE cadre_id = ANY(ids) AND (only_rules IS NULL OR rule_id = ANY(only_rules))),
    gone AS (
      DELETE FROM rule_span
       WHERE ctid = ANY(ARRAY(SELECT o.row_ctid FROM o WHERE NOT EXISTS (SELECT 1 FROM f WHERE ${SAME_SPAN}))))
    INSERT INTO rule_span (cadre_id, rule_id, code, severity, domain, valid_from, valid_to, policy_version, facts,
                           over_from)
    SELECT f.cadre_id, f.rule_id, f.code, f.severity, f.domain, f.valid_from, f.valid_to, f.policy_version, f.facts,
           f.over_from
      FROM f WHERE NOT EXISTS (SELECT 1 FROM o WHERE ${SAME_SPAN})`;

/**
 * rule_span.over_from of a fresh span (a row `x`), by its rule: each rule's overFrom over the span's facts (NULL for
 * a rule without one). Stored beside the facts so a list counts and orders flags without reading them.
 */
function overFromCase(rules: readonly SpanRule[]): string {
  const cases = rules.flatMap((r) => (r.overFrom ? [`WHEN '${r.id}' THEN ${r.overFrom('x.facts')}`] : []));
  return cases.length ? `CASE x.rule_id ${cases.join(' ')} END` : 'NULL::date';
}

/**
 * A bulk load (seedSynthetic) sets this for its own transactions: refresh_rule_spans then does nothing, and the
 * loader recomputes every cadre once at the end (refreshAllRuleSpans) instead of once per table it writes.
 */
export const DEFER_SETTING = 'cadre_pathways.defer_rule_spans';

/**
 * refresh_rule_spans(ids): one refresh per cadre at a time (refresh_posting_runs' pattern: the cadres locked in id
 * order), every rule's statement (or only those `only_rules` names: a write to one table refreshes the
 * rules that depend on it) into the session's fresh set (a temporary table, emptied at commit), then only the
 * differences written to rule_span (applyFresh).
 *
 * Plans: a write's few cadres run every statement (PATHWAY's in pathway_readiness_spans too) on the generic plan
 * the session keeps, planned once. Left to choose, PostgreSQL plans each call afresh (its custom plans look
 * cheaper for one cadre than the generic plan's ten), and planning these statements costs far more than running
 * them: one cadre's refresh took 20–110 ms planned each call, 3–4 ms on the kept plans. A set of cadres (a sync,
 * a recompute) is planned for its size each call. No JIT: the row estimates of the rules' generate_series and
 * laterals put a set's statements far above its threshold, and compiling one took 1.4 of its 1.7 s (TERM_LIMIT,
 * 2,000 cadres); pathway_readiness_spans has it off for the same reason.
 */
function refreshFunction(rules: readonly SpanRule[]): string {
  return `CREATE FUNCTION refresh_rule_spans(ids uuid[], only_rules text[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql
SET random_page_cost = 1.1
SET work_mem = '64MB'
SET plan_cache_mode = force_custom_plan
SET jit = off
AS $rule_spans$
  BEGIN
    IF coalesce(cardinality(ids), 0) = 0 OR current_setting('${DEFER_SETTING}', true) = 'on' THEN
      RETURN;
    END IF;
    IF cardinality(ids) <= ${NESTED_LOOPS_UP_TO} THEN
      -- Undone at the function's exit (its SET clause).
      PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
    END IF;
    PERFORM 1 FROM cadre WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    IF to_regclass('${FRESH}') IS NULL THEN
      CREATE TEMP TABLE rule_span_fresh (
        cadre_id uuid, rule_id text, code text, severity text, domain text, valid_from date, valid_to date,
        policy_version int, facts jsonb NOT NULL DEFAULT '{}'
      ) ON COMMIT DELETE ROWS;
    END IF;
${rules.map(statement).join('\n')}
    ${applyFresh(rules)};
    DELETE FROM ${FRESH};
  END
$rule_spans$`;
}

/** The cadres of the rows of `changed` that the dependencies on one table name. */
function changedCadres(selects: readonly string[], changed: string): string {
  const union = selects.map((s) => `(${s})`).join('\n                 UNION ALL ');
  return `ARRAY(WITH changed AS (${changed})
               SELECT DISTINCT d.id FROM (${union}) AS d(id) WHERE d.id IS NOT NULL)`;
}

/** One statement-level trigger function and its three triggers for the writes to `table`. */
function tableTriggers(table: string, selects: readonly string[], ruleIds: readonly string[]): string[] {
  if (!IDENT.test(table) || table === POLICY_TABLE) throw new Error(`a span dependency on "${table}"`);
  if (!ruleIds.every((id) => IDENT.test(id.toLowerCase()))) throw new Error(`a rule id on "${table}"`);
  const fn = `${PREFIX}on_${table}`;
  const only = `ARRAY[${ruleIds.map((id) => `'${id}'`).join(', ')}]::text[]`;
  // A write none of whose rows names a cadre for these rules (PATHWAY's non-regular postings) calls nothing.
  const refresh = (changed: string) =>
    `cadres := ${changedCadres(selects, changed)};
      IF cardinality(cadres) > 0 THEN
        PERFORM refresh_rule_spans(cadres, ${only});
      END IF;`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $rule_spans$
  DECLARE cadres uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${refresh('SELECT * FROM new_rows')}
    ELSIF TG_OP = 'DELETE' THEN
      ${refresh('SELECT * FROM old_rows')}
    ELSE
      ${refresh('SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows')}
    END IF;
    RETURN NULL;
  END
$rule_spans$`,
    `CREATE TRIGGER ${PREFIX}${table}_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${PREFIX}${table}_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${PREFIX}${table}_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

/**
 * posting_run is written only by refresh_posting_runs, in one statement that may update, delete and insert rows;
 * statement triggers would refresh its cadres once for each of the three. Instead refresh_posting_runs calls this
 * function once with the cadres whose runs changed (migration 1764237900000-refresh-once-per-write).
 */
const RUNS = 'posting_run';
const CADRE_ROWS = cadreRows(RUNS).cadreIds;

/**
 * rule_spans_after_posting_runs(ids): the rules that read posting_run, refreshed for those cadres, in one call. A
 * dependency may name more cadres than its rows' (AVOIDANCE: their relatives), read over `changed`, here the
 * cadres `ids` as rows of one column cadre_id.
 */
function afterRunsFunction(selects: readonly string[], ruleIds: readonly string[]): string {
  if (!ruleIds.every((id) => IDENT.test(id.toLowerCase()))) throw new Error(`a rule id on "${RUNS}"`);
  const cadres = selects.every((s) => s === CADRE_ROWS)
    ? 'ids'
    : changedCadres(selects, 'SELECT unnest(ids) AS cadre_id');
  return `CREATE FUNCTION ${PREFIX}after_${RUNS}s(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $rule_spans$
  BEGIN
    PERFORM refresh_rule_spans(${cadres}, ARRAY[${ruleIds.map((id) => `'${id}'`).join(', ')}]::text[]);
  END
$rule_spans$`;
}

/** Every cadre: what a new policy version and an installation recompute. */
const EVERY_CADRE = 'ARRAY(SELECT id FROM cadre)';

/**
 * The DDL the installer runs, generated from the rules (its hash is what the database stores): refresh_rule_spans,
 * the triggers of each table some rule depends on (the dependencies on one table unioned), and the policy
 * trigger: a new policy version recomputes every cadre.
 */
export function installerDdl(rules: readonly SpanRule[] = spanRules()): string[] {
  const byTable = new Map<string, { selects: string[]; ruleIds: string[] }>();
  for (const rule of rules) {
    for (const dep of rule.dependsOn) {
      const t = byTable.get(dep.table) ?? { selects: [], ruleIds: [] };
      if (!t.selects.includes(dep.cadreIds)) t.selects.push(dep.cadreIds);
      if (!t.ruleIds.includes(rule.id)) t.ruleIds.push(rule.id);
      byTable.set(dep.table, t);
    }
  }
  return [
    refreshFunction(rules),
    ...[...byTable].flatMap(([table, t]) =>
      table === RUNS ? [afterRunsFunction(t.selects, t.ruleIds)] : tableTriggers(table, t.selects, t.ruleIds),
    ),
    `CREATE FUNCTION ${PREFIX}on_${POLICY_TABLE}() RETURNS trigger LANGUAGE plpgsql AS $rule_spans$
  BEGIN
    PERFORM refresh_rule_spans(${EVERY_CADRE});
    RETURN NULL;
  END
$rule_spans$`,
    `CREATE TRIGGER ${PREFIX}${POLICY_TABLE}_ins AFTER INSERT ON ${POLICY_TABLE}
  FOR EACH STATEMENT EXECUTE FUNCTION ${PREFIX}on_${POLICY_TABLE}()`,
  ];
}

/**
 * Everything the installer runs: with PATHWAY, its functions generated from the policy versions in the database
 * first (a version published since the last installation changes the DDL, so the next boot installs and
 * recomputes: pathway-spans.sql.ts), then installerDdl.
 */
export async function rulesDdl(
  query: (sql: string) => Promise<PolicyVersionRow[]>,
  rules: readonly SpanRule[] = spanRules(),
): Promise<string[]> {
  const pathway = rules.some((r) => r.id === PATHWAY_SPAN_RULE.id)
    ? pathwaySpanDdl(await query(POLICY_VERSIONS_SQL))
    : [];
  return [...pathway, ...installerDdl(rules)];
}

export const ddlHash = (ddl: readonly string[]): string =>
  createHash('sha256').update(ddl.join(';\n')).digest('hex');

/**
 * Drops what an earlier installation created, whatever rules it had: the triggers and trigger functions named
 * with the installer's prefix, and refresh_rule_spans.
 */
export const UNINSTALL = `
  DO $rule_spans$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT t.tgname, c.relname FROM pg_trigger t
               JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgname LIKE '${PREFIX.replace(/_/g, '\\_')}%' LOOP
      EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, r.relname);
    END LOOP;
    FOR r IN SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = current_schema() AND p.proname LIKE '${PREFIX.replace(/_/g, '\\_')}on\\_%' LOOP
      EXECUTE format('DROP FUNCTION %I()', r.proname);
    END LOOP;
    DROP FUNCTION IF EXISTS ${PREFIX}after_posting_runs(uuid[]);
    DROP FUNCTION IF EXISTS refresh_rule_spans(uuid[]);
    DROP FUNCTION IF EXISTS refresh_rule_spans(uuid[], text[]);
  END
  $rule_spans$`;

/** The table holding the hash of the installed DDL (migration 1764236000000-create-rule-span-install). */
const TABLE = 'rule_span_install';

/**
 * Installs the rules' span SQL when the generated DDL differs from what the database has (its hash), and then
 * recomputes every cadre's spans, all in one transaction; true when it installed. Run right after the migrations
 * under their advisory lock and as their role (src/database/migrate.ts), so concurrent boots install once. A
 * database whose migrations predate the install table (a test's partial migration set) is left alone.
 */
export async function installRuleSpans(
  ds: DataSource,
  rules: readonly SpanRule[] = spanRules(),
  /** An advisory lock taken for the transaction (the migration lock), so concurrent first installs wait. */
  lock?: number,
): Promise<boolean> {
  const runner = ds.createQueryRunner('master');
  await runner.connect();
  try {
    const [{ present }] = (await runner.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [TABLE])) as {
      present: boolean;
    }[];
    if (!present) return false;
    await runner.startTransaction();
    try {
      if (lock !== undefined) await runner.query('SELECT pg_advisory_xact_lock($1)', [lock]);
      const ddl = await rulesDdl((sql) => runner.query(sql) as Promise<PolicyVersionRow[]>, rules);
      const hash = ddlHash(ddl);
      // A recompute of every cadre may take long whatever the login role's defaults are.
      await runner.query(`SET LOCAL statement_timeout = 0`);
      const stored = (await runner.query(`SELECT hash FROM ${TABLE} FOR UPDATE`)) as { hash: string }[];
      if (stored[0]?.hash === hash) {
        await runner.commitTransaction();
        return false;
      }
      await runner.query(UNINSTALL);
      for (const statement of ddl) await runner.query(statement);
      await runner.query(`SELECT refresh_rule_spans(${EVERY_CADRE})`);
      await runner.query(`DELETE FROM ${TABLE}`);
      await runner.query(`INSERT INTO ${TABLE} (hash, rules) VALUES ($1, $2)`, [
        hash,
        rules.map((r) => r.id),
      ]);
      await runner.commitTransaction();
      return true;
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    }
  } finally {
    await runner.release();
  }
}
