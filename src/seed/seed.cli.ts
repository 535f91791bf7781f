import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { resolveDatabase } from '../database/database-runtime';
import { runMigrations } from '../database/migrate';
import { seedDemo } from './demo';
import { resetData } from './reset';
import { seedSynthetic } from './synthetic';

const USAGE = `Usage: npm run seed [-- --reset] [-- --cadres N [--seed S]]
  (no options)  the 云岭市 demo with the six example cases (DEMO-001…DEMO-006)
  --cadres N    a synthetic province (unit codes SYN-…) with N cadres instead
  --seed S      generator seed (default 42 for the synthetic province)
  --reset       empty the data tables first (policy, taxonomy and migrations are kept)`;

interface Args {
  reset: boolean;
  cadres?: number;
  seed?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} needs a positive integer\n${USAGE}`);
      return n;
    };
    if (a === '--reset') args.reset = true;
    else if (a === '--cadres') args.cadres = value();
    else if (a === '--seed') args.seed = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`Unknown option ${a}\n${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const runtime = await resolveDatabase(config);
  const ds = await new DataSource(dataSourceOptions(runtime.migrationUrl, 4)).initialize();
  const started = Date.now();
  try {
    await runMigrations(ds);
    if (args.reset) process.stdout.write(`Emptied ${(await resetData(ds)).join(', ')}\n`);
    if (args.cadres === undefined) {
      const r = await seedDemo(ds);
      process.stdout.write(
        r.created
          ? `Seeded the 云岭市 demo: ${r.cadres} cadres including DEMO-001…DEMO-006\n`
          : 'The demo is already seeded (DEMO-001 exists); nothing written. Use --reset to start over.\n',
      );
    } else {
      const bar = new SingleBar(
        { format: ' {bar} {percentage}% | {value}/{total} cadres | {phase}' },
        Presets.shades_classic,
      );
      bar.start(args.cadres, 0, { phase: 'units' });
      const r = await seedSynthetic(ds, {
        cadres: args.cadres,
        seed: args.seed,
        onProgress: (done, phase) => bar.update(done, { phase }),
      });
      bar.stop();
      process.stdout.write(
        r.created
          ? `Seeded a synthetic province: ${JSON.stringify(r.counts)}\n`
          : 'A synthetic province is already seeded (unit SYN exists); nothing written. Use --reset to start over.\n',
      );
    }
    process.stdout.write(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await ds.destroy();
    await runtime.embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
