import { QueryRunner } from 'typeorm';
import { RecordErrorCode, RecordResult, SyncContext } from './sync.types';

/** A column of a staging table: its name and PostgreSQL type (also the unnest array's element type). */
export interface StageColumn {
  name: string;
  type: 'int' | 'text' | 'date' | 'boolean';
}

/** Rows per INSERT: unnest takes one array per column, so parameters stay at one per column. */
const CHUNK = 5_000;

/**
 * A temporary table for one batch, dropped at commit. `extra` adds computed columns (SQL definitions) that
 * the classification statements fill in.
 */
export async function createStage(
  qr: QueryRunner,
  table: string,
  columns: StageColumn[],
  extra: string[] = [],
): Promise<void> {
  const defs = [...columns.map((c) => `${c.name} ${c.type}`), ...extra].join(', ');
  await qr.query(`CREATE TEMP TABLE ${table} (${defs}) ON COMMIT DROP`);
}

/** Multi-row inserts of `rows` (one array of values per row, in column order), in chunks. */
export async function stageRows(
  qr: QueryRunner,
  table: string,
  columns: StageColumn[],
  rows: unknown[][],
): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((_, i) => chunk.map((row) => row[i] ?? null));
    await qr.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`, params);
  }
}

/**
 * Adds an error to the staged rows matching `where` (a condition on the staged row `s`) and returns how many.
 * `messageSql` is a SQL expression written here, never client text, so it may quote the row's own values;
 * `text` names its sentence in src/i18n/error-texts.ts with `paramsSql` (a jsonb expression over `s`), so the
 * reader gets it in their locale.
 */
export async function rejectWhere(
  qr: QueryRunner,
  table: string,
  where: string,
  error: { field: string; code: string; messageSql: string; text?: { key: string; paramsSql: string } },
  params: unknown[] = [],
): Promise<number> {
  const n = params.length;
  const text = error.text
    ? `, 'text', jsonb_build_object('key', $${n + 3}::text, 'params', ${error.text.paramsSql})`
    : '';
  const res = await qr.query(
    `UPDATE ${table} s SET errors = s.errors || jsonb_build_array(jsonb_build_object(
        'field', $${n + 1}::text, 'code', $${n + 2}::text, 'message', ${error.messageSql}${text}))
      WHERE ${where}`,
    [...params, error.field, error.code, ...(error.text ? [error.text.key] : [])],
    true,
  );
  return res.affected ?? 0;
}

/**
 * For an HR system: staged rows that would change a `table` row (matched by `match`, a condition on the
 * staged row `s` and the table row `t`) that another source or the service's own users keep are REJECTED.
 * An unchanged one stays UNCHANGED: re-sending what is there harms nothing.
 */
export async function rejectOthersRecords(
  ctx: SyncContext,
  stage: string,
  target: { table: string; match: string; field: string; what: string; key: string },
): Promise<void> {
  if (ctx.takesOver) return;
  await rejectWhere(
    ctx.qr,
    stage,
    `s.outcome = 'UPDATED' AND EXISTS (SELECT 1 FROM ${target.table} t
      WHERE ${target.match} AND t.source IS DISTINCT FROM $1::text)`,
    {
      field: target.field,
      code: RecordErrorCode.OWNED_BY_OTHER_SOURCE,
      messageSql: `'${target.what} ' || s.${target.key} || ' is kept by another source or by this service''s ' ||
        'users; source ' || $1::text || ' may change only the records it created.'`,
      text: {
        key: 'sync.ownedByOther',
        paramsSql: `jsonb_build_object('what', '${target.what}'::text, 'key', s.${target.key}, 'source', $1::text)`,
      },
    },
    [ctx.source],
  );
}

/** Rows with errors are REJECTED, rows not matched to an existing one are CREATED; returns every staged row. */
export async function finishStage(
  qr: QueryRunner,
  table: string,
  keyColumn: string,
): Promise<RecordResult[]> {
  await qr.query(`UPDATE ${table} SET outcome = 'REJECTED' WHERE errors <> '[]'::jsonb`);
  await qr.query(`UPDATE ${table} SET outcome = 'CREATED' WHERE outcome IS NULL`);
  return qr.query(
    `SELECT idx AS index, ${keyColumn} AS "externalId", outcome, errors FROM ${table} ORDER BY idx`,
  ) as Promise<RecordResult[]>;
}

/** The columns every staging table has besides the record's own. */
export const STAGE_STATE = [`outcome text`, `errors jsonb NOT NULL DEFAULT '[]'::jsonb`];
