import { Client } from 'pg';
import { backendPids, CpuMeter } from '../cpu';
import { BENCH_SOURCE, removeSyncRows } from '../dataset';
import { text } from '../json';
import { BenchTokens } from '../tokens';

export const SYNC_BATCH = 10_000;

interface PostingRecord {
  externalId: string;
  cadreExternalId: string;
  unitCode: string;
  title: string;
  level: string;
  kind: string;
  startDate: string;
  endDate: string | null;
}

/**
 * 10,000 new postings for 10,000 cadres spread over the province, that fit beside what they hold: a regular
 * posting backfilled before the first recorded one where the record starts late (about a third), else a
 * six-month temporary assignment within the current posting.
 */
const BATCH_SQL = `
WITH chosen AS (
  SELECT id, external_id, work_start_date
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.external_id) AS rn FROM cadre c
           WHERE c.external_id LIKE 'SYN-%') x
   WHERE rn % $1::int = 0
   ORDER BY rn LIMIT $2::int),
first_p AS (
  SELECT DISTINCT ON (p.cadre_id) p.cadre_id, p.unit_id, p.level, p.start_date
    FROM posting p JOIN chosen ch ON ch.id = p.cadre_id ORDER BY p.cadre_id, p.start_date),
last_p AS (
  SELECT DISTINCT ON (p.cadre_id) p.cadre_id, p.unit_id, p.level, p.start_date
    FROM posting p JOIN chosen ch ON ch.id = p.cadre_id ORDER BY p.cadre_id, p.start_date DESC)
SELECT ch.external_id AS "cadreExternalId",
       CASE WHEN f.start_date - ch.work_start_date > 60 THEN fu.code ELSE lu.code END AS "unitCode",
       CASE WHEN f.start_date - ch.work_start_date > 60 THEN f.level ELSE l.level END AS level,
       CASE WHEN f.start_date - ch.work_start_date > 60 THEN 'REGULAR' ELSE 'TEMPORARY_ASSIGNMENT' END AS kind,
       to_char(CASE WHEN f.start_date - ch.work_start_date > 60
                    THEN greatest(ch.work_start_date, f.start_date - 730) ELSE l.start_date + 30 END,
               'YYYY-MM-DD') AS "startDate",
       to_char(CASE WHEN f.start_date - ch.work_start_date > 60 THEN f.start_date - 1 ELSE l.start_date + 210 END,
               'YYYY-MM-DD') AS "endDate"
  FROM chosen ch
  JOIN first_p f ON f.cadre_id = ch.id JOIN unit fu ON fu.id = f.unit_id
  JOIN last_p l ON l.cadre_id = ch.id JOIN unit lu ON lu.id = l.unit_id
 ORDER BY ch.external_id`;

export async function buildSyncBatch(client: Client, cadres: number): Promise<PostingRecord[]> {
  const { rows } = await client.query<Omit<PostingRecord, 'externalId' | 'title'>>(BATCH_SQL, [
    Math.max(1, Math.floor(cadres / SYNC_BATCH)),
    SYNC_BATCH,
  ]);
  return rows.map((r, i) => ({
    externalId: `BENCH-${String(i + 1).padStart(5, '0')}`,
    title: r.kind === 'REGULAR' ? '科员（补录）' : '挂职锻炼',
    ...r,
  }));
}

const MUTATION = `
mutation Sync($input: SyncPostingsInput!) {
  syncPostings(input: $input) { id status counts { received created updated unchanged ended rejected } }
}`;

export interface SyncTiming {
  seconds: number;
  recordsPerSecond: number;
  counts: Record<string, number>;
  /** CPU seconds of the service process and of its PostgreSQL backends during the call. */
  cpu?: { serviceSeconds: number; postgresSeconds: number };
}

export interface SyncRound {
  created: SyncTiming;
  unchanged: SyncTiming;
}

async function send(
  url: string,
  token: string,
  records: PostingRecord[],
  meters: () => Promise<() => Promise<SyncTiming['cpu']>>,
): Promise<SyncTiming> {
  const measured = await meters();
  const body = JSON.stringify({ query: MUTATION, variables: { input: { source: BENCH_SOURCE, records } } });
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    signal: AbortSignal.timeout(600_000),
  });
  const json: unknown = await res.json();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const counts: Record<string, number> = {};
  for (const k of ['received', 'created', 'updated', 'unchanged', 'ended', 'rejected'])
    counts[k] = Number(text(json, 'data', 'syncPostings', 'counts', k) || 0);
  if (res.status !== 200 || counts.received !== records.length) {
    throw new Error(`syncPostings failed (${res.status}): ${JSON.stringify(json).slice(0, 800)}`);
  }
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    recordsPerSecond: Math.round(records.length / seconds),
    counts,
    cpu: await measured(),
  };
}

/** Each round: remove the bench source's postings, send the batch (all new), send it again (all unchanged). */
export async function runSync(
  url: string,
  servicePid: number,
  client: Client,
  tokens: BenchTokens,
  records: PostingRecord[],
  rounds: number,
  log: (line: string) => void,
): Promise<SyncRound[]> {
  const token = tokens.hrSync(BENCH_SOURCE);
  const meters = async (): Promise<() => Promise<SyncTiming['cpu']>> => {
    const service = new CpuMeter([servicePid]);
    const postgres = new CpuMeter(await backendPids(client, 'cadre-pathways'));
    const s = (ms: number): number => Math.round(ms) / 1000;
    return async () => {
      postgres.include(await backendPids(client, 'cadre-pathways'));
      return { serviceSeconds: s(service.elapsed()), postgresSeconds: s(postgres.elapsed()) };
    };
  };
  const out: SyncRound[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      await removeSyncRows(client);
      await client.query('VACUUM ANALYZE posting');
      const created = await send(url, token, records, meters);
      const unchanged = await send(url, token, records, meters);
      const cpu = (t: SyncTiming): string =>
        t.cpu ? `, CPU ${t.cpu.serviceSeconds} s service + ${t.cpu.postgresSeconds} s PostgreSQL` : '';
      log(
        `  round ${r + 1}: new ${created.recordsPerSecond} records/s${cpu(created)} (${JSON.stringify(created.counts)}), ` +
          `unchanged ${unchanged.recordsPerSecond} records/s${cpu(unchanged)} (${JSON.stringify(unchanged.counts)})`,
      );
      out.push({ created, unchanged });
    }
  } finally {
    await removeSyncRows(client);
  }
  return out;
}
