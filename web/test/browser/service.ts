import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

/** The repository root: the service, its CLIs and the built page live there. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface RunningService {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** `npm run token -- <args>` against this service's database and secret. */
  token(...args: string[]): Promise<string>;
  /** POST /graphql with a token; the data, or a thrown error naming the GraphQL errors. */
  gql<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err}${out}`)),
    );
  });
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function waitUntilServing(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The service exited (${child.exitCode}):\n${logs()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The service did not serve ${url}:\n${logs()}`);
}

/**
 * The real service (dist/src/main.js, as `npm run start:prod` runs it) on a free port, with a database of
 * its own: a throw-away database on the server at DATABASE_URL when that is set, otherwise an embedded
 * PostgreSQL in a throw-away folder. The demo seed is loaded with `npm run seed`, as a person would.
 */
export async function startService(): Promise<RunningService> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) throw new Error('Run `npm run build` first.');
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('Run `npm run build:web` first.');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    MIGRATIONS_RUN: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  let cleanup: () => Promise<void>;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `cp_browser_${randomBytes(5).toString('hex')}`;
    await admin(serverUrl, `CREATE DATABASE "${name}"`);
    env.DATABASE_URL = withDatabase(serverUrl, name);
    cleanup = () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const base = join(ROOT, '.data');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'browser-'));
    env.DATA_DIR = dir;
    env.EMBEDDED_PG_PORT = String(await freePort());
    delete env.DATABASE_URL;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}/`;

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    await cleanup();
  };

  try {
    await waitUntilServing(url, child, () => log);
    await run('npm', ['run', '-s', 'seed'], env);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    stop,
    token: async (...args) => (await run('npm', ['run', '-s', 'token', '--', ...args], env)).trim(),
    gql: async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data)
        throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}
