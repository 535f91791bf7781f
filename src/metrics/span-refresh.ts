import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics';

/**
 * Rule spans are refreshed inside PostgreSQL, by statement triggers calling these functions, so the time is
 * read where it is spent: pg_stat_user_functions (calls, total_time in ms), which PostgreSQL keeps only with
 * track_functions = pl (postgresql.conf, or `ALTER DATABASE … SET track_functions = 'pl'` as a superuser;
 * the embedded server is started with it). Without it the two counters stay absent.
 */
const SPAN_FUNCTIONS = `SELECT funcname AS name, calls::float8 AS calls, total_time::float8 AS ms
  FROM pg_stat_user_functions
 WHERE schemaname = current_schema() AND (funcname LIKE 'refresh\\_rule\\_spans%' OR funcname = 'refresh_posting_runs')`;

const READ_TIMEOUT_MS = 2000;

export function collectSpanRefresh(ds: DataSource, metrics: Metrics): void {
  const logger = new Logger('Metrics');
  let warned = false;
  metrics.readSpanRefresh = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), READ_TIMEOUT_MS);
    });
    try {
      const rows = await Promise.race([
        ds.query<{ name: string; calls: number; ms: number }[]>(SPAN_FUNCTIONS),
        timeout,
      ]);
      metrics.spanRefreshSeconds.reset();
      metrics.spanRefreshCalls.reset();
      for (const r of rows) {
        metrics.spanRefreshSeconds.inc({ function: r.name }, r.ms / 1000);
        metrics.spanRefreshCalls.inc({ function: r.name }, r.calls);
      }
    } catch (err) {
      // a scrape still answers with every other metric while the database is away
      if (!warned) logger.warn(`span refresh statistics not read: ${(err as Error).message}`);
      warned = true;
    } finally {
      clearTimeout(timer);
    }
  };
}
