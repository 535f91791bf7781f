import { Client } from 'pg';
import { backendPids, CpuMeter } from '../cpu';
import { LoadStats, summarize } from '../stats';
import { BenchTokens } from '../tokens';

/** Issue #14: recording a posting or a training, with its span refresh, p95 ≤ 30 ms. */
export const WRITE_P95_MS = 30;
/** Issue #14: a new policy version's recompute of every cadre's spans for 100,000 cadres ≤ 60 s. */
export const PUBLISH_TARGET_SECONDS = 60;

/** The title the write scenarios give what they record, so that it can be removed again. */
const MARK = '基准测试（bench）';

export interface WriteResult {
  name: 'recordPosting' | 'recordTraining';
  stats: LoadStats & { firstError?: string };
  cpu: { serviceMs: number; postgresMs: number };
  targetMs: number;
  met: boolean;
}

export interface PublishResult {
  seconds: number;
  cadres: number;
  /** rule_span rows before, and the rows the new version's recompute inserted and deleted. */
  spans: number;
  inserted: number;
  deleted: number;
  targetSeconds: number;
  /** The target is for 100,000 cadres: met when scaled linearly to that size. */
  met: boolean;
  /** Where the figure came from, when not from the run itself. */
  note?: string;
}

const RECORD_POSTING = `
mutation P($input: RecordPostingInput!) { recordPosting(input: $input) { id } }`;
const RECORD_TRAINING = `
mutation T($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }`;

/**
 * One write per cadre (each a different cadre, spread over the province), so none conflicts with another: a
 * regular posting of up to two months backfilled before the cadre's first recorded one (same unit and level),
 * where the record starts late enough; a three-day completed training ten days before asOf.
 */
async function writeInputs(
  client: Client,
  n: number,
  asOf: string,
): Promise<{ posting: object[]; training: object[] }> {
  const { rows } = await client.query<{
    cadre_id: string;
    unit_id: string;
    level: string;
    start: string;
    end: string;
  }>(
    `SELECT f.cadre_id, f.unit_id, f.level, to_char(greatest(c.work_start_date, f.start_date - 60), 'YYYY-MM-DD') AS start,
            to_char(f.start_date - 1, 'YYYY-MM-DD') AS "end"
       FROM cadre c
       JOIN LATERAL (SELECT p.* FROM posting p WHERE p.cadre_id = c.id ORDER BY p.start_date LIMIT 1) f ON true
      WHERE c.external_id LIKE 'SYN-%' AND f.start_date - c.work_start_date > 30
      ORDER BY md5(c.id::text) LIMIT $1`,
    [n],
  );
  const day = (offset: number): string =>
    new Date(Date.parse(`${asOf}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    posting: rows.map((r) => ({
      cadreId: r.cadre_id,
      unitId: r.unit_id,
      title: MARK,
      level: r.level,
      kind: 'REGULAR',
      startDate: r.start,
      endDate: r.end,
    })),
    training: rows.map((r) => ({
      cadreId: r.cadre_id,
      title: MARK,
      kind: 'PARTY_SCHOOL',
      startDate: day(-12),
      endDate: day(-10),
      classHours: 24,
      completed: true,
    })),
  };
}

/** Removes what the write scenarios recorded (their own refreshes put the spans back as they were). */
export async function removeWrites(client: Client): Promise<void> {
  await client.query(`DELETE FROM posting WHERE title = $1`, [MARK]);
  await client.query(`DELETE FROM training WHERE title = $1`, [MARK]);
}

/** `inputs.length` mutations, `concurrency` at a time, each timed end to end over HTTP. */
async function runWrites(
  url: string,
  token: string,
  query: string,
  inputs: object[],
  concurrency: number,
): Promise<LoadStats & { firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const t0 = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const input = inputs[next++];
      const s = process.hrtime.bigint();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { input } }),
      });
      const json = (await res.json()) as { errors?: unknown };
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (res.status !== 200 || json.errors) {
        errors++;
        firstError ??= JSON.stringify(json).slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { ...summarize(latencies, errors, seconds), firstError };
}

/** recordPosting then recordTraining, `n` each, then both removed again. */
export async function writeScenarios(
  url: string,
  servicePid: number,
  client: Client,
  tokens: BenchTokens,
  asOf: string,
  n: number,
  concurrency: number,
): Promise<WriteResult[]> {
  await removeWrites(client);
  const inputs = await writeInputs(client, n, asOf);
  const token = tokens.admin();
  const out: WriteResult[] = [];
  try {
    for (const [name, query, list] of [
      ['recordPosting', RECORD_POSTING, inputs.posting],
      ['recordTraining', RECORD_TRAINING, inputs.training],
    ] as const) {
      // a few first, not measured (connections, plans)
      const warm = Math.min(20, Math.floor(list.length / 10));
      await runWrites(url, token, query, list.slice(0, warm), concurrency);
      const service = new CpuMeter([servicePid]);
      const postgres = new CpuMeter(await backendPids(client, 'cadre-pathways'));
      const stats = await runWrites(url, token, query, list.slice(warm), concurrency);
      postgres.include(await backendPids(client, 'cadre-pathways'));
      const per = (ms: number): number => Math.round((ms / Math.max(1, stats.requests)) * 100) / 100;
      out.push({
        name,
        stats,
        cpu: { serviceMs: per(service.elapsed()), postgresMs: per(postgres.elapsed()) },
        targetMs: WRITE_P95_MS,
        met: stats.errors === 0 && stats.p95 <= WRITE_P95_MS,
      });
    }
  } finally {
    await removeWrites(client);
  }
  return out;
}

/**
 * What publishPolicy costs the database: a new version (the latest document again, effective on asOf, or the day
 * after the latest version if that is later, as publishing a policy today does) inserted in a transaction that is rolled back, so its trigger recomputes every cadre's spans and
 * nothing stays. Timed around the INSERT.
 */
export async function publishRecompute(client: Client, cadres: number, asOf: string): Promise<PublishResult> {
  await client.query('BEGIN');
  try {
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM rule_span`)).rows;
    const before = await client.query<{ ins: string; del: string }>(
      `SELECT n_tup_ins::text AS ins, n_tup_del::text AS del FROM pg_stat_xact_user_tables WHERE relname = 'rule_span'`,
    );
    const t0 = process.hrtime.bigint();
    await client.query(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       SELECT v.version + 1, greatest($1::date, v.effective_from + 1), v.document, 'bench (rolled back)', 'bench'
         FROM policy_version v ORDER BY v.effective_from DESC LIMIT 1`,
      [asOf],
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const after = await client.query<{ ins: string; del: string }>(
      `SELECT n_tup_ins::text AS ins, n_tup_del::text AS del FROM pg_stat_xact_user_tables WHERE relname = 'rule_span'`,
    );
    const count = (r: typeof before, k: 'ins' | 'del'): number => Number(r.rows[0]?.[k] ?? 0);
    return {
      seconds: Math.round(seconds * 10) / 10,
      cadres,
      spans: n,
      inserted: count(after, 'ins') - count(before, 'ins'),
      deleted: count(after, 'del') - count(before, 'del'),
      targetSeconds: PUBLISH_TARGET_SECONDS,
      met: (seconds * 100_000) / cadres <= PUBLISH_TARGET_SECONDS,
    };
  } finally {
    await client.query('ROLLBACK');
  }
}
