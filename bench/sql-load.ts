import { Client } from 'pg';
import { CpuMeter } from './cpu';
import { summarize, LoadStats } from './stats';

/** One request's worth of work in raw SQL; `i` picks the variant (which cadre, which page). */
export type SqlWork = (client: Client, i: number) => Promise<unknown>;

/** `concurrency` connections, each running `work` back to back for `seconds`. */
export async function sqlLoad(
  url: string,
  work: SqlWork,
  seconds: number,
  concurrency: number,
  prepare?: string,
): Promise<LoadStats & { firstError?: string }> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new Client({ connectionString: url, application_name: 'cadre-bench-sql' });
      await c.connect();
      // A runaway statement must not hold the run hostage; like the service's own statement timeout.
      await c.query(`SET statement_timeout = '60s'`);
      if (prepare) await c.query(prepare);
      return c;
    }),
  );
  const pids = await Promise.all(
    clients.map(async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid),
  );
  const meter = new CpuMeter(pids);
  let postgresCpu: number;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < end) {
          const t0 = process.hrtime.bigint();
          try {
            await work(client, next++);
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } catch (err) {
            errors++;
            firstError ??= err instanceof Error ? err.message : String(err);
          }
        }
      }),
    );
  } finally {
    postgresCpu = meter.elapsed();
    await Promise.all(clients.map((c) => c.end()));
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const postgresMs = postgresCpu;
  return {
    ...summarize(latencies, errors, elapsed, latencies.length + errors),
    cpu: { postgresMs: Math.round((postgresMs / Math.max(1, latencies.length)) * 100) / 100 },
    ...(firstError ? { firstError } : {}),
  };
}
