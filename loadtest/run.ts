/**
 * npm run loadtest: the service in production mode on loopback, 200 connections for 60 s (LOADTEST_CONNECTIONS,
 * LOADTEST_SECONDS), 7 reads to 3 writes, each connection with its own token. Afterwards every write the service
 * acknowledged is looked up in the database. The service's memory is sampled every second. The report goes to
 * loadtest/reports/<time>.json and .md; the exit code is 1 when there was a 5xx, a lost write or a failed stop.
 */
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/auth/caller';
import { TokenService } from '../src/auth/token.service';
import { freshDatabase, ROOT, rssMiB, startService } from './service';
import { requestCycle, Tally, Written } from './traffic';

const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60);
const CADRES = 2_000;

const log = (line: string): void => void process.stdout.write(`[loadtest] ${line}\n`);

async function seed(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`INSERT INTO unit (code, name, level, kind) SELECT 'LT-' || g, 'Load unit ' || g, 'TOWNSHIP', 'GOVERNMENT'
                     FROM generate_series(1, 20) g`);
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level, status)
       SELECT 'LTS-' || g, (ARRAY['张','李','王','赵'])[1 + g % 4] || '某' || g, 'FEMALE', DATE '1980-01-01' + g,
              DATE '2005-07-01', 'BACHELOR', 'ACTIVE' FROM generate_series(1, $1::int) g RETURNING id`,
      [CADRES],
    );
    await c.query(`INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date)
                   SELECT c.id, (SELECT id FROM unit ORDER BY random() LIMIT 1), '副镇长', 'TOWNSHIP_DEPUTY', 'REGULAR',
                          DATE '2016-01-01' + (random() * 2000)::int FROM cadre c`);
    return rows.map((r) => r.id);
  } finally {
    await c.end();
  }
}

async function countFound(url: string, table: string, ids: string[]): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows[0].n;
  } finally {
    await c.end();
  }
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number): number => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const startedAt = new Date();
  const reports = join(ROOT, 'loadtest', 'reports');
  mkdirSync(reports, { recursive: true });
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const db = await freshDatabase();
  const secret = randomBytes(48).toString('base64url');
  const audience = 'cadre-pathways-loadtest';
  const issuer = 'cadre-pathways-loadtest';
  log('starting the service (production mode, migrations at boot)');
  const service = await startService(
    {
      DATABASE_URL: db.url,
      JWT_SECRET: secret,
      JWT_AUDIENCE: audience,
      JWT_ISSUER: issuer,
      DB_POOL_SIZE: '10',
      LOG_LEVEL: 'warn',
    },
    join(ROOT, '.data', `loadtest-${stamp}.log`),
  );
  try {
    const cadreIds = await seed(db.url);
    log(`seeded ${cadreIds.length} cadres; ${CONNECTIONS} connections for ${SECONDS} s`);
    const tokens = new TokenService(new JwtService({}), { secret, audience, issuer });
    const written: Written = { cadres: [], trainings: [] };
    const tally: Tally = { graphqlErrors: {}, reads: 0, writes: 0 };
    const memory: { t: number; rss: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      const rss = rssMiB(service.pid);
      if (rss !== undefined) memory.push({ t: Math.round((Date.now() - t0) / 1000), rss: round(rss) });
    }, 1000);
    let clients = 0;
    const perSecond: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: service.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          // above the service's own request timeout, so that its answer (a 503) is what gets counted
          timeout: 40,
          requests: requestCycle(cadreIds, written, tally),
          setupClient: (client) => {
            clients += 1;
            const token = tokens.sign({ sub: `loadtest-${clients}`, role: Role.ADMIN }, '2h');
            client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
          },
        },
        (err: unknown, res) =>
          err ? reject(err instanceof Error ? err : new Error('autocannon failed')) : resolve(res),
      );
      const started = Date.now();
      instance.on('response', () => {
        const second = Math.floor((Date.now() - started) / 1000);
        while (perSecond.length <= second) perSecond.push(0);
        perSecond[second] += 1;
      });
    });
    clearInterval(sampler);
    const foundCadres = await countFound(db.url, 'cadre', written.cadres);
    const foundTrainings = await countFound(db.url, 'training', written.trainings);
    log('stopping the service with SIGTERM');
    const exitCode = await service.stop();
    const first = memory.filter((m) => m.t <= 10).map((m) => m.rss);
    const last = memory.filter((m) => m.t > SECONDS - 10).map((m) => m.rss);
    const report = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: {
        total: result.requests.total,
        perSecondAvg: result.requests.average,
        // the last, partial second left out
        perSecondMin: Math.min(...perSecond.slice(0, SECONDS)),
        perSecondMax: Math.max(...perSecond),
        perSecond,
        reads: tally.reads,
        writes: tally.writes,
      },
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      status: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'], non2xx: result.non2xx },
      connectionErrors: result.errors,
      timeouts: result.timeouts,
      graphqlErrors: tally.graphqlErrors,
      writes: {
        acknowledged: written.cadres.length + written.trainings.length,
        found: foundCadres + foundTrainings,
        lost: written.cadres.length - foundCadres + (written.trainings.length - foundTrainings),
      },
      memoryMiB: {
        firstTenSecondsAvg: round(avg(first)),
        lastTenSecondsAvg: round(avg(last)),
        min: Math.min(...memory.map((m) => m.rss)),
        max: Math.max(...memory.map((m) => m.rss)),
        samples: memory,
      },
      shutdown: { signal: 'SIGTERM', exitCode },
      serviceLog: service.log,
    };
    const ok =
      report.status['5xx'] === 0 &&
      report.writes.acknowledged > 0 &&
      report.writes.lost === 0 &&
      exitCode === 0;
    writeFileSync(join(reports, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(reports, `${stamp}.md`), markdown(report, ok));
    log(`report: loadtest/reports/${stamp}.md`);
    process.stdout.write(markdown(report, ok));
    process.exitCode = ok ? 0 : 1;
  } finally {
    await service.stop().catch(() => undefined);
    await db.drop();
  }
}

function markdown(
  r: {
    startedAt: string;
    connections: number;
    seconds: number;
    requests: {
      total: number;
      perSecondAvg: number;
      perSecondMin: number;
      perSecondMax: number;
      reads: number;
      writes: number;
    };
    latencyMs: { p50: number; p90: number; p99: number; max: number };
    status: Record<string, number>;
    connectionErrors: number;
    timeouts: number;
    graphqlErrors: Record<string, number>;
    writes: { acknowledged: number; found: number; lost: number };
    memoryMiB: { firstTenSecondsAvg: number; lastTenSecondsAvg: number; min: number; max: number };
    shutdown: { exitCode: number | null };
  },
  ok: boolean,
): string {
  return `# Load test ${r.startedAt}: ${ok ? 'PASS' : 'FAIL'}

${r.connections} connections for ${r.seconds} s on loopback, 7 reads : 3 writes, one token per connection.

| measure | value |
|---|---|
| requests | ${r.requests.total} (${r.requests.reads} reads, ${r.requests.writes} writes) |
| requests per second: average (slowest second, fastest second) | ${round(r.requests.perSecondAvg)} (${r.requests.perSecondMin}, ${r.requests.perSecondMax}) |
| latency p50 / p90 / p99 / max | ${r.latencyMs.p50} / ${r.latencyMs.p90} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms |
| HTTP 2xx / 4xx / 5xx | ${r.status['2xx']} / ${r.status['4xx']} / ${r.status['5xx']} |
| connection errors / timeouts | ${r.connectionErrors} / ${r.timeouts} |
| GraphQL errors by code | ${JSON.stringify(r.graphqlErrors)} |
| writes acknowledged / found / lost | ${r.writes.acknowledged} / ${r.writes.found} / ${r.writes.lost} |
| RSS first 10 s / last 10 s / min / max | ${r.memoryMiB.firstTenSecondsAvg} / ${r.memoryMiB.lastTenSecondsAvg} / ${r.memoryMiB.min} / ${r.memoryMiB.max} MiB |
| SIGTERM exit code | ${r.shutdown.exitCode} |
`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
