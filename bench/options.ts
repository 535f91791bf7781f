import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Cadres in the synthetic province. */
  cadres: number;
  quick: boolean;
  /** Seconds of load per scenario, after the warm-up. */
  duration: number;
  /** Seconds of warm-up load per scenario (not measured). */
  warmup: number;
  /** Seconds of raw SQL load per scenario. */
  sqlDuration: number;
  /** Concurrent connections (HTTP) and clients (SQL). */
  concurrency: number;
  /** Rounds of the sync scenarios (new batch, then the same batch again). */
  syncRounds: number;
  /** Only the scenarios whose name contains one of these. */
  only: string[];
  /** Skip compiling the service (use the last build in bench/data/dist). */
  build: boolean;
  /** Write bench/results/<date>.json and the table in bench/README.md. */
  write: boolean;
  /** Run the service under the V8 profiler and print where its time went. */
  profile: boolean;
  /** Extra node flags for the service, e.g. --max-old-space-size=192. */
  nodeOptions: string[];
}

const USAGE = `Usage: npm run bench [-- --quick] [--cadres N] [--duration S] [--warmup S] [--sql-duration S]
                         [--concurrency C] [--sync-rounds R] [--only name,name] [--no-build] [--no-write]
  --quick        10,000 cadres and short runs (about two minutes once the data exists)
  --cadres N     province size (default 100000; --quick 10000)
  --only         scenarios whose name contains any of the given words, e.g. --only me,cadres
  --no-build     reuse the service build in bench/data/dist
  --no-write     print the table only; write no results file and leave bench/README.md alone (implied by --only)
  --profile      run the service with --cpu-prof (profile in bench/data/profiles) and print its hottest functions
  --node-options "--flag …"  extra node flags for the service, e.g. --max-old-space-size=192
Set DATABASE_URL to use that PostgreSQL server (the bench creates its own database there, cadre_bench_<size>,
or uses BENCH_DATABASE when set); without it an embedded server is started under .data/postgres.`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      cadres: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'sql-duration': { type: 'string' },
      concurrency: { type: 'string' },
      'sync-rounds': { type: 'string' },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'node-options': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const num = (name: string, given: string | undefined, fallback: number): number => {
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number\n${USAGE}`);
    return n;
  };
  const quick = values.quick;
  return {
    quick,
    cadres: Math.round(num('cadres', values.cadres, quick ? 10_000 : 100_000)),
    duration: num('duration', values.duration, quick ? 4 : 20),
    warmup: num('warmup', values.warmup, quick ? 1 : 5),
    sqlDuration: num('sql-duration', values['sql-duration'], quick ? 3 : 10),
    concurrency: Math.round(num('concurrency', values.concurrency, 10)),
    syncRounds: Math.round(num('sync-rounds', values['sync-rounds'], quick ? 1 : 3)),
    only: values.only ? values.only.split(',').map((s) => s.trim()) : [],
    build: !values['no-build'],
    // a partial or profiled run must not replace the table of a whole one
    write: !values['no-write'] && !values.profile && !values.only,
    profile: values.profile,
    nodeOptions: values['node-options']?.split(/\s+/).filter(Boolean) ?? [],
  };
}
