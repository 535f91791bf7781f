import { DataSource, QueryRunner } from 'typeorm';
import { RecordResult, SyncCounts, SyncKind, SyncMode, SyncOutcome, SyncStatus } from './sync.types';

export interface SyncRunRow {
  id: string;
  source: string;
  kind: SyncKind;
  mode: SyncMode;
  status: SyncStatus;
  idempotencyKey: string | null;
  payloadHash: string;
  dryRun: boolean;
  atomic: boolean;
  scopeUnitCode: string | null;
  asOf: string;
  startedAt: Date;
  finishedAt: Date;
  counts: SyncCounts;
  createdBy: string;
}

const RUN_COLUMNS = `id, source, kind, mode, status, idempotency_key AS "idempotencyKey", payload_hash AS "payloadHash",
  dry_run AS "dryRun", atomic, scope_unit_code AS "scopeUnitCode", as_of AS "asOf", started_at AS "startedAt",
  finished_at AS "finishedAt", counts, created_by AS "createdBy"`;

const CHUNK = 5_000;

type Db = DataSource | QueryRunner;

async function select<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return (await db.query(sql, params)) as T[];
}

export async function insertRun(qr: QueryRunner, run: Omit<SyncRunRow, 'finishedAt'>): Promise<SyncRunRow> {
  const [row] = (await qr.query(
    `INSERT INTO sync_run (id, source, kind, mode, status, idempotency_key, payload_hash, dry_run, atomic,
        scope_unit_code, as_of, started_at, counts, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING ${RUN_COLUMNS}`,
    [
      run.id,
      run.source,
      run.kind,
      run.mode,
      run.status,
      run.idempotencyKey,
      run.payloadHash,
      run.dryRun,
      run.atomic,
      run.scopeUnitCode,
      run.asOf,
      run.startedAt,
      JSON.stringify(run.counts),
      run.createdBy,
    ],
  )) as SyncRunRow[];
  return row;
}

export async function insertResults(qr: QueryRunner, runId: string, results: RecordResult[]): Promise<void> {
  for (let start = 0; start < results.length; start += CHUNK) {
    const chunk = results.slice(start, start + CHUNK);
    await qr.query(
      `INSERT INTO sync_result (run_id, index, external_id, outcome, errors)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        runId,
        chunk.map((r) => r.index),
        chunk.map((r) => r.externalId),
        chunk.map((r) => r.outcome),
        chunk.map((r) => JSON.stringify(r.errors)),
      ],
    );
  }
}

export async function findRun(db: Db, id: string): Promise<SyncRunRow | undefined> {
  const rows = await select<SyncRunRow>(db, `SELECT ${RUN_COLUMNS} FROM sync_run WHERE id = $1`, [id]);
  return rows[0];
}

export async function findRunByKey(db: Db, source: string, key: string): Promise<SyncRunRow | undefined> {
  const rows = await select<SyncRunRow>(
    db,
    `SELECT ${RUN_COLUMNS} FROM sync_run WHERE source = $1 AND idempotency_key = $2`,
    [source, key],
  );
  return rows[0];
}

/** Newest first; keyset on (started_at, id). */
export async function listRuns(
  db: Db,
  source: string | null,
  limit: number,
  after: [string, string] | undefined,
): Promise<{ rows: SyncRunRow[]; total: number }> {
  const rows = await select<SyncRunRow>(
    db,
    `SELECT ${RUN_COLUMNS} FROM sync_run
      WHERE ($1::text IS NULL OR source = $1)
        AND ($2::timestamptz IS NULL OR (started_at, id) < ($2::timestamptz, $3::uuid))
      ORDER BY started_at DESC, id DESC LIMIT $4`,
    [source, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  const [{ n }] = await select<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM sync_run WHERE ($1::text IS NULL OR source = $1)`,
    [source],
  );
  return { rows, total: n };
}

export interface SyncResultRow {
  index: number;
  externalId: string | null;
  outcome: SyncOutcome;
  errors: RecordResult['errors'];
}

/** In record order; keyset on index. */
export async function listResults(
  db: Db,
  runId: string,
  outcome: SyncOutcome | null,
  limit: number,
  after: number | undefined,
): Promise<{ rows: SyncResultRow[]; total: number }> {
  const rows = await select<SyncResultRow>(
    db,
    `SELECT index, external_id AS "externalId", outcome, errors FROM sync_result
      WHERE run_id = $1 AND ($2::text IS NULL OR outcome = $2) AND index > $3
      ORDER BY index LIMIT $4`,
    [runId, outcome, after ?? -1, limit],
  );
  const [{ n }] = await select<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM sync_result WHERE run_id = $1 AND ($2::text IS NULL OR outcome = $2)`,
    [runId, outcome],
  );
  return { rows, total: n };
}
