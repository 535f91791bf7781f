import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..');
/** The bench compiles the service here (git-ignored), so it never disturbs dist/ while others use it. */
export const BUILD_DIR = join(ROOT, 'bench', 'data', 'dist');
const MAIN = join(BUILD_DIR, 'src', 'main.js');
const LOG = join(ROOT, 'bench', 'data', 'service.log');

/** The same compiler and settings as `npm run build` (nest build is tsc with tsconfig.build.json here). */
export function buildService(log: (line: string) => void): void {
  log('compiling the service (tsc -p tsconfig.build.json, incremental)');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`The service does not compile:\n${r.stdout}${r.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningService {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * The node flags `npm run start:prod` runs the service with (e.g. its heap limit), read from package.json so
 * that the bench measures the service as production starts it.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts['start:prod'].split(/\s+/);
  return words.slice(1).filter((w) => w.startsWith('--'));
}

/**
 * Starts `node <production flags> <build>/src/main.js` in production mode on its own port and waits until it
 * answers. nodeArgs come after the production flags, so they can override them.
 */
export async function startService(opts: {
  databaseUrl: string;
  jwtSecret: string;
  /** Production requires the audience and issuer of its tokens. */
  jwtAudience: string;
  jwtIssuer: string;
  port: number;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<RunningService> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing; run without --no-build`);
  const out = createWriteStream(LOG);
  const child: ChildProcess = spawn(
    process.execPath,
    [...productionNodeFlags(), ...(opts.nodeArgs ?? []), MAIN],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(opts.port),
        DATABASE_URL: opts.databaseUrl,
        JWT_SECRET: opts.jwtSecret,
        JWT_AUDIENCE: opts.jwtAudience,
        JWT_ISSUER: opts.jwtIssuer,
        MIGRATIONS_RUN: 'true',
        // The bench measures throughput, not the per-token rate limiter.
        RATE_LIMIT_MAX: '100000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const state: { exited: number | null } = { exited: null };
  child.once('exit', (code) => (state.exited = code ?? -1));
  const url = `http://127.0.0.1:${opts.port}/graphql`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (state.exited !== null) throw new Error(`The service exited with ${state.exited}:\n${tail(LOG)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer within two minutes:\n${tail(LOG)}`);
    }
    if (await answers(url)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid ?? 0,
    url,
    stop: async () => {
      if (state.exited !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2000),
    });
    return res.status < 500;
  } catch {
    return false;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Samples a process's resident memory (VmRSS) a few times a second. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private peak = 0;
  private windowPeak = 0;
  private last = 0;

  constructor(private readonly pid: number) {}

  start(everyMs = 200): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  /** MB: the peak since the last call, and the current value. */
  window(): { peakMb: number; nowMb: number } {
    this.sample();
    const r = { peakMb: mb(this.windowPeak), nowMb: mb(this.last) };
    this.windowPeak = this.last;
    return r;
  }

  get peakMb(): number {
    return mb(this.peak);
  }

  private sample(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb > 0) {
        this.last = kb;
        this.peak = Math.max(this.peak, kb);
        this.windowPeak = Math.max(this.windowPeak, kb);
      }
    } catch {
      // the process has gone; keep the last values
    }
  }
}

const mb = (kb: number): number => Math.round(kb / 102.4) / 10;

/**
 * Waits until the service has no statement running (autocannon stops at the deadline without waiting for the
 * requests in flight, whose statements would otherwise run into the next scenario), then cancels what is left.
 * Returns how many statements had to be cancelled.
 */
export async function drainService(client: Client, waitMs = 30_000): Promise<number> {
  const active = `SELECT pid FROM pg_stat_activity
    WHERE application_name = 'cadre-pathways' AND datname = current_database() AND state = 'active'`;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query(active);
    if (rows.length === 0) return 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  const { rows } = await client.query(`SELECT pg_cancel_backend(pid) FROM (${active}) a`);
  return rows.length;
}
