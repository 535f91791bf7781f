import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { SyncResultRow } from './sync-run.store';
import { SyncOutcome } from './sync.types';

export interface ResultsPageKey {
  runId: string;
  outcome: SyncOutcome | null;
  /** Rows to fetch (a page plus one, to know if there is another). */
  limit: number;
  afterIndex: number;
}

interface PageRow extends SyncResultRow {
  k: number;
}

/**
 * Pages of results for many runs (a syncRuns page asking for each run's results) in two statements: the rows,
 * numbered per requested page with a window function, and the totals.
 */
export function createSyncResultsLoader(
  ds: DataSource,
): DataLoader<ResultsPageKey, { rows: SyncResultRow[]; total: number }, string> {
  return new DataLoader(
    async (keys) => {
      const params = [
        keys.map((_, i) => i),
        keys.map((k) => k.runId),
        keys.map((k) => k.outcome),
        keys.map((k) => k.afterIndex),
        keys.map((k) => k.limit),
      ];
      const pages = `unnest($1::int[], $2::uuid[], $3::text[], $4::int[], $5::int[]) AS q(k, run_id, outcome, after_idx, lim)`;
      const match = `r.run_id = q.run_id AND (q.outcome IS NULL OR r.outcome = q.outcome)`;
      const rows = await ds.query<PageRow[]>(
        `SELECT k, index, "externalId", outcome, errors FROM (
           SELECT q.k, r.index, r.external_id AS "externalId", r.outcome, r.errors, q.lim,
                  row_number() OVER (PARTITION BY q.k ORDER BY r.index) AS rn
             FROM ${pages} JOIN sync_result r ON ${match} AND r.index > q.after_idx) x
          WHERE rn <= lim ORDER BY k, index`,
        params,
      );
      const totals = await ds.query<{ k: number; n: number }[]>(
        `SELECT q.k, count(r.index)::int AS n FROM ${pages} LEFT JOIN sync_result r ON ${match} GROUP BY q.k`,
        params,
      );
      return keys.map((_, i) => ({
        rows: rows.filter((r) => r.k === i).map(({ k: _k, ...row }) => row),
        total: totals.find((t) => t.k === i)?.n ?? 0,
      }));
    },
    { cacheKeyFn: (k) => JSON.stringify(k) },
  );
}
