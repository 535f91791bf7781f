import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dataset } from './dataset';
import { CodeInfo, MachineInfo, PostgresInfo } from './machine';
import { Targets } from './scenarios/scenario';
import { SyncRound, SyncTiming } from './scenarios/sync';
import { PublishResult, WriteResult } from './scenarios/writes';
import { LoadStats } from './stats';

export interface ScenarioResult {
  name: string;
  label: string;
  skipped?: string;
  /** The first request failed (its GraphQL errors); not loaded. */
  failed?: string;
  targets?: Targets;
  service?: LoadStats & { firstError?: string };
  sql?: LoadStats & { firstError?: string; description: string };
  /** The service's mean latency ÷ the raw SQL's, at the same concurrency. */
  sqlRatio?: number;
  /** Whether variant 0 returned the same keys over GraphQL and in raw SQL. */
  sameRows?: boolean | string;
  /**
   * Milliseconds of that first request, alone on the service: the answer computed, none kept yet (the figure a
   * list costs right after a write to its data, see docs/rule-spans.md#kept-answers).
   */
  firstMs?: number;
  rssPeakMb?: number;
  met?: Record<string, boolean>;
}

export interface SyncResult {
  batch: number;
  rounds: SyncRound[];
  created: SyncTiming;
  unchanged: SyncTiming;
  targets: { createdPerSecond: number; unchangedPerSecond: number };
  met: Record<string, boolean>;
  rssPeakMb: number;
}

export interface BenchReport {
  date: string;
  mode: 'full' | 'quick';
  machine: MachineInfo & { loadAverageAtEnd: number[] };
  postgres: PostgresInfo;
  code: CodeInfo;
  settings: {
    concurrency: number;
    durationSeconds: number;
    warmupSeconds: number;
    sqlDurationSeconds: number;
    nodeOptions: string[];
    /** ANSWER_CACHE_MB the service ran with (16 unless set; 0: every answer computed per request). */
    answerCacheMb?: number;
  };
  dataset: Dataset;
  scenarios: ScenarioResult[];
  sync?: SyncResult;
  writes?: WriteResult[];
  publish?: PublishResult;
  memory: { startupMb: number; peakMb: number; targetMb: number; met: boolean };
  totalSeconds: number;
}

export const MEMORY_TARGET_MB = 300;

/** Which of a scenario's targets it met. */
export function verdicts(t: Targets, service: LoadStats, ratio?: number): Record<string, boolean> {
  const met: Record<string, boolean> = {};
  if (t.p95Ms !== undefined) met[`p95 ≤ ${t.p95Ms} ms`] = service.errors === 0 && service.p95 <= t.p95Ms;
  if (t.rps !== undefined) met[`≥ ${t.rps} req/s`] = service.errors === 0 && service.rps >= t.rps;
  if (t.sqlRatio !== undefined) met[`≤ ${t.sqlRatio}× SQL`] = ratio !== undefined && ratio <= t.sqlRatio;
  return met;
}

const n = (x: number | undefined, digits = 1): string =>
  x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en', { maximumFractionDigits: digits });
const marks = (met: Record<string, boolean> | undefined): string =>
  met && Object.keys(met).length
    ? Object.entries(met)
        .map(([k, ok]) => `${ok ? '✅' : '❌'} ${k}`)
        .join('<br>')
    : '';

const cpuOf = (t: SyncTiming): string =>
  t.cpu ? `${n(t.cpu.serviceSeconds, 2)} + ${n(t.cpu.postgresSeconds, 2)}` : '–';

export function markdown(r: BenchReport): string {
  const m = r.machine;
  const rows = Object.entries(r.dataset.rows)
    .map(([t, c]) => `${c.toLocaleString('en')} ${t}`)
    .join(', ');
  const lines = [
    `Run ${r.date} (${r.mode}${r.code.changedFiles ? `, ${r.code.changedFiles} changed files` : ''} on ${r.code.commit}), ` +
      `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; PostgreSQL ${r.postgres.version} ` +
      `(jit ${r.postgres.settings.jit}, shared_buffers ${r.postgres.settings.shared_buffers}); ` +
      `load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd[0]} at the end.`,
    '',
    `Dataset \`${r.dataset.database}\`: ${rows}.`,
    '',
    `Concurrency ${r.settings.concurrency}, ${r.settings.warmupSeconds} s warm-up then ${r.settings.durationSeconds} s ` +
      `per scenario over HTTP; raw SQL ${r.settings.sqlDurationSeconds} s` +
      `${r.settings.nodeOptions.length ? `; service started with node ${r.settings.nodeOptions.join(' ')}` : ''}` +
      `${r.settings.answerCacheMb === undefined ? '' : `; ANSWER_CACHE_MB=${r.settings.answerCacheMb}`}. ` +
      `"first": the scenario's first request alone, its answer computed (none kept yet); the load then repeats it. ` +
      `Latencies in ms. CPU ms/req: CPU time of ` +
      `the service process and of the PostgreSQL backends serving it (raw SQL: its backends), per request.`,
    '',
  ];
  if (r.scenarios.length) {
    lines.push(
      '| Scenario | first | p50 | p95 | p99 | req/s | errors | CPU ms/req service + PG | raw SQL p50 / p95 | raw SQL CPU ms/req | × SQL | same rows | RSS peak MB | targets |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | --- |',
    );
  }
  for (const s of r.scenarios) {
    if (s.failed) {
      const code = /"code":"([A-Z_]+)"/.exec(s.failed)?.[1] ?? 'an error';
      lines.push(`| ${s.label} | | | | | | | | | | | | | ❌ fails alone: ${code} |`);
      continue;
    }
    if (s.skipped || !s.service) {
      lines.push(`| ${s.label} | | | | | | | | | | | | | skipped: ${s.skipped ?? 'not run'} |`);
      continue;
    }
    const v = s.service;
    lines.push(
      `| ${s.label} | ${s.firstMs === undefined ? '–' : n(s.firstMs)} | ${n(v.p50)} | ${n(v.p95)} | ${n(v.p99)} | ${n(v.rps, 0)} | ${v.errors} | ` +
        `${v.cpu ? `${n(v.cpu.serviceMs)} + ${n(v.cpu.postgresMs)}` : '–'} | ` +
        `${s.sql ? `${n(s.sql.p50)} / ${n(s.sql.p95)}` : '–'} | ${s.sql?.cpu ? n(s.sql.cpu.postgresMs) : '–'} | ${s.sqlRatio === undefined ? '–' : `${n(s.sqlRatio)}×`} | ` +
        `${s.sameRows === undefined ? '–' : s.sameRows === true ? 'yes' : 'NO'} | ${n(s.rssPeakMb, 0)} | ${marks(s.met)} |`,
    );
  }
  if (r.sync) {
    const y = r.sync;
    lines.push(
      '',
      `| syncPostings, ${y.batch.toLocaleString('en')} records (median of ${y.rounds.length}) | seconds | records/s | CPU s service + PG | RSS peak MB | targets |`,
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| new | ${n(y.created.seconds, 2)} | ${n(y.created.recordsPerSecond, 0)} | ${cpuOf(y.created)} | ${n(y.rssPeakMb, 0)} | ` +
        `${marks({ [`≥ ${y.targets.createdPerSecond} /s`]: y.met.created })} |`,
      `| the same batch again (unchanged) | ${n(y.unchanged.seconds, 2)} | ${n(y.unchanged.recordsPerSecond, 0)} | ${cpuOf(y.unchanged)} | | ` +
        `${marks({ [`≥ ${y.targets.unchangedPerSecond} /s`]: y.met.unchanged })} |`,
    );
  }
  if (r.writes?.length) {
    lines.push(
      '',
      '| write, one cadre each, concurrency ' +
        r.settings.concurrency +
        ' | requests | p50 | p95 | p99 | req/s | errors | CPU ms/req service + PG | targets |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...r.writes.map(
        (w) =>
          `| \`${w.name}\` with its span refresh | ${w.stats.requests} | ${n(w.stats.p50)} | ${n(w.stats.p95)} | ${n(w.stats.p99)} | ` +
          `${n(w.stats.rps, 0)} | ${w.stats.errors} | ${n(w.cpu.serviceMs)} + ${n(w.cpu.postgresMs)} | ` +
          `${marks({ [`p95 ≤ ${w.targetMs} ms`]: w.met })} |`,
      ),
    );
  }
  if (r.publish) {
    const p = r.publish;
    lines.push(
      '',
      `publishPolicy recompute (a new version inserted and rolled back; its trigger recomputes every cadre's spans): ` +
        `${n(p.seconds)} s for ${p.cadres.toLocaleString('en')} cadres (${p.spans.toLocaleString('en')} spans; ` +
        `${p.inserted.toLocaleString('en')} inserted, ${p.deleted.toLocaleString('en')} deleted), ` +
        `${n((p.seconds * 100_000) / p.cadres)} s scaled to 100,000 ${p.met ? '✅' : '❌'} (target ≤ ${p.targetSeconds} s for 100,000)` +
        `${p.note ? `; ${p.note}` : ''}.`,
    );
  }
  lines.push(
    '',
    `Service memory (RSS): ${n(r.memory.startupMb, 0)} MB after start-up, peak ${n(r.memory.peakMb, 0)} MB ` +
      `${r.memory.met ? '✅' : '❌'} (target < ${r.memory.targetMb} MB). Whole run ${Math.round(r.totalSeconds)} s.`,
  );
  return lines.join('\n');
}

const RESULTS = join(__dirname, 'results');
const README = join(__dirname, 'README.md');

/** bench/results/<date>[-quick].json, and the table between this mode's markers in bench/README.md (Prettier'd). */
export async function writeReport(r: BenchReport): Promise<{ json: string; readme: boolean }> {
  mkdirSync(RESULTS, { recursive: true });
  const json = join(RESULTS, `${r.date.slice(0, 10)}${r.mode === 'quick' ? '-quick' : ''}.json`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  if (!existsSync(README)) return { json, readme: false };
  const start = `<!-- bench:${r.mode}:start -->`;
  const end = `<!-- bench:${r.mode}:end -->`;
  const text = readFileSync(README, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return { json, readme: false };
  const updated = `${text.slice(0, a + start.length)}\n${markdown(r)}\n${text.slice(b)}`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(updated, { ...options, filepath: README }));
  return { json, readme: true };
}
