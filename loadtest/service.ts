import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../src/database/database-url';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres';

export const ROOT = join(__dirname, '..');

export function freePort(): Promise<number> {
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

export interface LoadDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database: on DATABASE_URL's server when set, else on an embedded server in a throw-away folder. */
export async function freshDatabase(): Promise<LoadDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  let dir: string | undefined;
  if (!serverUrl) {
    dir = mkdtempSync(join(ROOT, '.data', 'loadtest-pg-'));
    embedded = await startEmbeddedPostgres(join(dir, 'data'), await freePort());
    serverUrl = embedded.url;
  }
  const name = `cadre_loadtest_${Date.now()}`;
  const admin = async (sql: string): Promise<void> => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await embedded?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningService {
  pid: number;
  url: string;
  log: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** The service in production mode (src/main.ts through ts-node, as `npm start` would run it), its log to a file. */
export async function startService(env: Record<string, string>, logFile: string): Promise<RunningService> {
  const port = await freePort();
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), MIGRATIONS_RUN: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (gone)
      throw new Error(`The service exited while starting:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (i > 600) {
      child.kill('SIGKILL');
      throw new Error('The service did not become ready within two minutes');
    }
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid ?? 0,
    url: base,
    log: logFile,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
