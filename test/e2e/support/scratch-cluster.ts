import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './child';

const run = promisify(execFile);

export interface ScratchCluster {
  /** The superuser's URL (database postgres, trust authentication on 127.0.0.1 only). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL server from the initdb/pg_ctl in `binDir` (e.g. Debian's /usr/lib/postgresql/15/bin),
 * in a temporary folder on a free port; as root it runs as the `postgres` system user, which PostgreSQL requires.
 */
export async function startScratchCluster(binDir: string): Promise<ScratchCluster> {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(binDir, tool)))
      throw new Error(`${binDir} has no ${tool}: cannot start a scratch server`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'cp-scratch-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const as = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args])
      : run(join(binDir, tool), args);
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const port = await freePort();
  await as('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
