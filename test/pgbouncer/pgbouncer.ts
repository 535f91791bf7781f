import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../e2e/support/child';

export interface PgBouncer {
  port: number;
  version: string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

function binary(): string {
  const found = [process.env.PGBOUNCER, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'PgBouncer is not installed: `apt-get install pgbouncer` (Debian), or set PGBOUNCER to its binary. ' +
        '.ci/run installs it when missing.',
    );
  }
  return found;
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * PgBouncer in transaction mode in front of `serverUrl`'s server: every database of that server, under its own
 * name (the `*` entry), for the given login roles (their passwords, which PgBouncer uses to log in to the
 * server). Start-up parameters other than the ones PgBouncer tracks are refused, as they are by default.
 * PgBouncer does not run as root: as root it switches to the `postgres` system user (-u).
 */
export async function startPgBouncer(
  serverUrl: string,
  logins: { user: string; password: string }[],
): Promise<PgBouncer> {
  const bin = binary();
  const version = execFileSync(bin, ['--version']).toString().split('\n')[0].trim();
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'cp-pgbouncer-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    join(dir, 'userlist.txt'),
    logins.map((l) => `${quote(l.user)} ${quote(l.password)}\n`).join(''),
  );
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      `admin_users = ${logins[0].user}`,
      'pool_mode = transaction',
      'max_client_conn = 400',
      'default_pool_size = 8',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const f of ['', 'userlist.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
  }
  const child: ChildProcess = spawn(
    bin,
    [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = (): string =>
    `${stderr}${existsSync(join(dir, 'pgbouncer.log')) ? readFileSync(join(dir, 'pgbouncer.log'), 'utf8') : ''}`;
  const probe = new URL(serverUrl);
  probe.hostname = '127.0.0.1';
  probe.port = String(port);
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited (${child.exitCode}):\n${log()}`);
    const c = new Client({ connectionString: probe.toString(), connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      break;
    } catch (err) {
      if (i >= 50) throw new Error(`PgBouncer did not answer on port ${port}:\n${log()}`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return {
    port,
    version,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
