import 'reflect-metadata';
import { Client } from 'pg';
import { loadavg } from 'node:os';
import { ensureDataset, resolveServer } from './dataset';
import { loadFixtures } from './fixtures';
import { GraphQLRequest, httpLoad } from './http-load';
import { backendPids, CpuMeter } from './cpu';
import { codeInfo, machineInfo, postgresInfo } from './machine';
import { parseOptions } from './options';
import { clearProfiles, PROFILE_DIR, summarizeProfile } from './profile';
import {
  BenchReport,
  markdown,
  MEMORY_TARGET_MB,
  ScenarioResult,
  SyncResult,
  verdicts,
  writeReport,
} from './report';
import { allScenarios } from './scenarios';
import { Scenario } from './scenarios/scenario';
import { buildSyncBatch, runSync, SYNC_BATCH, SyncTiming } from './scenarios/sync';
import { publishRecompute, PublishResult, writeScenarios, WriteResult } from './scenarios/writes';
import {
  buildService,
  drainService,
  freePort,
  productionNodeFlags,
  RssSampler,
  startService,
} from './service';
import { sqlLoad } from './sql-load';
import { AppConfig } from '../src/config/app-config';
import { BenchTokens } from './tokens';

const log = (line: string): void => void process.stdout.write(`${line}\n`);
// Issue #14: 10,000 new postings ≥ 10,000 records/s including the span refresh.
const SYNC_TARGETS = { createdPerSecond: 10000, unchangedPerSecond: 15000 };

async function graphql(url: string, r: GraphQLRequest): Promise<{ data?: unknown; errors?: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
    body: JSON.stringify({ query: r.query, variables: r.variables ?? {} }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

/**
 * One request of variant 0 over GraphQL and the same in raw SQL: they must return the same keys. Returns
 * `skip` when the query is not in the schema (a feature that has not landed).
 */
async function check(
  s: Scenario,
  url: string,
  client: Client,
): Promise<{ same?: boolean | string; skip?: string; failed?: string; firstMs?: number }> {
  const started = performance.now();
  const res = await graphql(url, s.requests[0]);
  const firstMs = Math.round((performance.now() - started) * 10) / 10;
  if (res.errors) {
    const text = JSON.stringify(res.errors);
    if (/Cannot query field/.test(text)) return { skip: `not in the schema yet (${text.slice(0, 160)})` };
    return { failed: text.slice(0, 300) };
  }
  if (!s.keys || !s.sql) return { firstMs };
  const gql = s.keys(res.data);
  const sql = await s.sql.run(client, 0);
  const diff = gql.findIndex((k, i) => k !== sql[i]);
  if (diff < 0 && gql.length === sql.length) return { same: true, firstMs };
  const at = diff < 0 ? Math.min(gql.length, sql.length) : diff;
  return { same: `differ at ${at}: GraphQL ${gql[at] ?? '(none)'} / SQL ${sql[at] ?? '(none)'}`, firstMs };
}

const median = (xs: SyncTiming[]): SyncTiming =>
  [...xs].sort((a, b) => a.recordsPerSecond - b.recordsPerSecond)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const machine = machineInfo();
  const code = codeInfo();
  log(
    `cadre-pathways bench (${opts.quick ? 'quick' : 'full'}): ${opts.cadres.toLocaleString('en')} cadres, ` +
      `${machine.cpus} cores, load average ${machine.loadAverageAtStart.join(' ')}`,
  );
  const server = await resolveServer();
  try {
    const dataset = await ensureDataset(server, opts.cadres, log);
    log(
      `dataset ${dataset.database} (${dataset.reused ? 'reused' : 'seeded'}): ${JSON.stringify(dataset.rows)}`,
    );
    if (opts.build) buildService(log);
    const client = new Client({ connectionString: dataset.url, application_name: 'cadre-bench' });
    await client.connect();
    try {
      const postgres = await postgresInfo(client);
      const fixtures = await loadFixtures(client);
      const tokens = new BenchTokens();
      const wanted = (name: string): boolean => !opts.only.length || opts.only.some((w) => name.includes(w));
      const scenarios = allScenarios({ fixtures, tokens }).filter((s) => wanted(s.name));
      const syncBatch = wanted('sync') ? await buildSyncBatch(client, opts.cadres) : [];

      if (opts.profile) clearProfiles();
      const service = await startService({
        databaseUrl: dataset.url,
        jwtSecret: tokens.secret,
        jwtAudience: tokens.audience,
        jwtIssuer: tokens.issuer,
        port: await freePort(),
        nodeArgs: [
          ...opts.nodeOptions,
          ...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
        ],
      });
      const rss = new RssSampler(service.pid);
      rss.start();
      const startupMb = rss.window().nowMb;
      log(`service up at ${service.url} (pid ${service.pid}, ${startupMb} MB)`);
      // A boot whose rules installer changed recomputes every cadre's spans: until vacuumed, their index-only
      // reads visit the heap (the visibility map is not set), which autovacuum would do in its own time. The
      // bench measures the steady state; with nothing changed this takes seconds.
      const vacuumed = Date.now();
      await client.query('VACUUM (ANALYZE) rule_span');
      log(`rule_span vacuumed (${((Date.now() - vacuumed) / 1000).toFixed(1)} s)`);
      const results: ScenarioResult[] = [];
      let sync: SyncResult | undefined;
      let writes: WriteResult[] | undefined;
      let publish: PublishResult | undefined;
      try {
        for (const s of scenarios) {
          if (s.skip) {
            log(`- ${s.name}: skipped (${s.skip})`);
            results.push({ name: s.name, label: s.label, skipped: s.skip });
            continue;
          }
          // Its own connection, set up as the scenario's raw SQL load sets up its own (a setting must not
          // carry over to the next scenario's check, as a plan_cache_mode once did).
          const checker = new Client({
            connectionString: dataset.url,
            application_name: 'cadre-bench-check',
          });
          await checker.connect();
          const probe = await (async () => {
            await checker.query(`SET statement_timeout = '60s'`);
            if (s.sql?.prepare) await checker.query(s.sql.prepare);
            return check(s, service.url, checker);
          })().finally(() => checker.end());
          if (probe.skip) {
            log(`- ${s.name}: skipped (${probe.skip})`);
            results.push({ name: s.name, label: s.label, skipped: probe.skip });
            continue;
          }
          if (probe.failed) {
            // a query that fails on its own (e.g. TIMEOUT) is reported, and the run goes on
            log(`- ${s.name}: FAILED ${probe.failed}`);
            results.push({ name: s.name, label: s.label, targets: s.targets, failed: probe.failed });
            await drainService(client);
            continue;
          }
          await httpLoad(service.url, s.requests, opts.warmup, opts.concurrency);
          await drainService(client);
          rss.window();
          const serviceCpu = new CpuMeter([service.pid]);
          const postgresCpu = new CpuMeter(await backendPids(client, 'cadre-pathways'));
          const http = await httpLoad(service.url, s.requests, opts.duration, opts.concurrency);
          const mem = rss.window();
          const answered = Math.max(1, http.requests);
          const perRequest = (ms: number): number => Math.round((ms / answered) * 100) / 100;
          postgresCpu.include(await backendPids(client, 'cadre-pathways'));
          http.cpu = {
            serviceMs: perRequest(serviceCpu.elapsed()),
            postgresMs: perRequest(postgresCpu.elapsed()),
          };
          const cancelled = await drainService(client);
          if (cancelled) log(`  (${cancelled} statements still running 30 s after the load were cancelled)`);
          const sql = s.sql
            ? {
                ...(await sqlLoad(dataset.url, s.sql.run, opts.sqlDuration, opts.concurrency, s.sql.prepare)),
                description: s.sql.description,
              }
            : undefined;
          const ratio = sql ? Math.round((http.mean / sql.mean) * 10) / 10 : undefined;
          const r: ScenarioResult = {
            name: s.name,
            label: s.label,
            targets: s.targets,
            service: http,
            sql,
            sqlRatio: ratio,
            sameRows: probe.same,
            firstMs: probe.firstMs,
            rssPeakMb: mem.peakMb,
            met: verdicts(s.targets, http, ratio),
          };
          results.push(r);
          log(
            `- ${s.name}: first ${probe.firstMs} ms; p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms, ${http.rps} req/s, ${http.errors} errors, ` +
              `CPU/req ${http.cpu.serviceMs} ms service + ${http.cpu.postgresMs} ms PostgreSQL` +
              (sql
                ? `; SQL p50 ${sql.p50} p95 ${sql.p95} ms, ${sql.cpu?.postgresMs} ms CPU/req (${ratio}×)`
                : '') +
              (probe.same !== undefined && probe.same !== true ? `; ROWS ${probe.same}` : '') +
              (http.firstError ? `\n  first error: ${http.firstError}` : ''),
          );
        }
        if (syncBatch.length) {
          log(`- sync: ${syncBatch.length.toLocaleString('en')} postings, ${opts.syncRounds} round(s)`);
          rss.window();
          const rounds = await runSync(
            service.url,
            service.pid,
            client,
            tokens,
            syncBatch,
            opts.syncRounds,
            log,
          );
          const created = median(rounds.map((r) => r.created));
          const unchanged = median(rounds.map((r) => r.unchanged));
          sync = {
            batch: syncBatch.length,
            rounds,
            created,
            unchanged,
            targets: SYNC_TARGETS,
            met: {
              created: created.recordsPerSecond >= SYNC_TARGETS.createdPerSecond,
              unchanged: unchanged.recordsPerSecond >= SYNC_TARGETS.unchangedPerSecond,
            },
            rssPeakMb: rss.window().peakMb,
          };
          if (syncBatch.length < SYNC_BATCH) log(`  (only ${syncBatch.length} records could be made)`);
        }
        if (wanted('writes')) {
          writes = await writeScenarios(
            service.url,
            service.pid,
            client,
            tokens,
            fixtures.asOf,
            opts.quick ? 200 : 500,
            opts.concurrency,
          );
          for (const w of writes) {
            log(
              `- ${w.name}: ${w.stats.requests} writes, p50 ${w.stats.p50} p95 ${w.stats.p95} ms, ${w.stats.errors} errors, ` +
                `CPU/req ${w.cpu.serviceMs} ms service + ${w.cpu.postgresMs} ms PostgreSQL` +
                (w.stats.firstError ? `\n  first error: ${w.stats.firstError}` : ''),
            );
          }
        }
      } finally {
        rss.stop();
        await service.stop();
      }
      if (wanted('publish')) {
        publish = await publishRecompute(client, opts.cadres, fixtures.asOf);
        log(
          `- publishPolicy recompute: ${publish.seconds} s for ${publish.cadres} cadres ` +
            `(${publish.inserted} spans inserted, ${publish.deleted} deleted)`,
        );
      }
      const report: BenchReport = {
        date: new Date(started).toISOString(),
        mode: opts.quick ? 'quick' : 'full',
        machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
        postgres,
        code,
        settings: {
          concurrency: opts.concurrency,
          durationSeconds: opts.duration,
          warmupSeconds: opts.warmup,
          sqlDurationSeconds: opts.sqlDuration,
          // as the service was started: start:prod's flags, then --node-options
          nodeOptions: [...productionNodeFlags(), ...opts.nodeOptions],
          // the service's own default when the variable is unset
          answerCacheMb: Number(process.env.ANSWER_CACHE_MB ?? new AppConfig().ANSWER_CACHE_MB),
        },
        // never a password in a results file
        dataset: { ...dataset, url: dataset.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') },
        scenarios: results,
        sync,
        writes,
        publish,
        memory: {
          startupMb,
          peakMb: rss.peakMb,
          targetMb: MEMORY_TARGET_MB,
          met: rss.peakMb < MEMORY_TARGET_MB,
        },
        totalSeconds: (Date.now() - started) / 1000,
      };
      log(`\n${markdown(report)}\n`);
      if (opts.profile) log(summarizeProfile().join('\n'));
      if (opts.write) {
        const w = await writeReport(report);
        log(`wrote ${w.json}${w.readme ? ' and the table in bench/README.md' : ''}`);
      }
    } finally {
      await client.end();
    }
  } finally {
    await server.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
