import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RULES } from '../registry';
import { SpanDependency } from '../rule';

/** A rule whose spans are kept: its id, its one INSERT … SELECT statement over `ids`, what changes them. */
export interface SpanRule {
  id: string;
  spanSql: string;
  dependsOn: readonly SpanDependency[];
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
    out.push({ id: rule.id, spanSql: rule.spanSql, dependsOn: rule.dependsOn });
  }
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
  return `    -- ${rule.id}\n    ${sql};`;
}

/**
 * refresh_rule_spans(ids): one refresh per cadre at a time (refresh_posting_runs' pattern: the cadres locked in id
 * order), their spans deleted, then every rule's statement.
 */
function refreshFunction(rules: readonly SpanRule[]): string {
  return `CREATE FUNCTION refresh_rule_spans(ids uuid[]) RETURNS void LANGUAGE plpgsql
SET random_page_cost = 1.1
AS $rule_spans$
  BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN
      RETURN;
    END IF;
    PERFORM 1 FROM cadre WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM rule_span WHERE cadre_id = ANY(ids);
${rules.map(statement).join('\n')}
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
function tableTriggers(table: string, selects: readonly string[]): string[] {
  if (!IDENT.test(table) || table === POLICY_TABLE) throw new Error(`a span dependency on "${table}"`);
  const fn = `${PREFIX}on_${table}`;
  const refresh = (changed: string) => `PERFORM refresh_rule_spans(${changedCadres(selects, changed)});`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $rule_spans$
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

/** Every cadre: what a new policy version and an installation recompute. */
const EVERY_CADRE = 'ARRAY(SELECT id FROM cadre)';

/**
 * The DDL the installer runs, generated from the rules (its hash is what the database stores): refresh_rule_spans,
 * the triggers of each table some rule depends on (the dependencies on one table unioned), and the policy
 * trigger: a new policy version recomputes every cadre.
 */
export function installerDdl(rules: readonly SpanRule[] = spanRules()): string[] {
  const byTable = new Map<string, string[]>();
  for (const rule of rules) {
    for (const dep of rule.dependsOn) {
      const selects = byTable.get(dep.table) ?? [];
      if (!selects.includes(dep.cadreIds)) selects.push(dep.cadreIds);
      byTable.set(dep.table, selects);
    }
  }
  return [
    refreshFunction(rules),
    ...[...byTable].flatMap(([table, selects]) => tableTriggers(table, selects)),
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
    DROP FUNCTION IF EXISTS refresh_rule_spans(uuid[]);
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
): Promise<boolean> {
  const ddl = installerDdl(rules);
  const hash = ddlHash(ddl);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [{ present }] = (await runner.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [TABLE])) as {
      present: boolean;
    }[];
    if (!present) return false;
    await runner.startTransaction();
    try {
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
