import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { withDatabase } from '../../src/database/database-url';
import { runMigrations } from '../../src/database/migrate';
import { RepairPostingRun1764234700000 } from '../../migrations/1764234700000-repair-posting-run';
import { AddReappointmentGap1764236400000 } from '../../migrations/1764236400000-add-reappointment-gap';
import { RefreshOncePerWrite1764237900000 } from '../../migrations/1764237900000-refresh-once-per-write';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { CreatePostingRun1764232600000V1 } from '../fixtures/migrations/create-posting-run.v1';
import { CreatePostingRun1764232600000V2 } from '../fixtures/migrations/create-posting-run.v2';
import { admin, createFileDatabase, testServer } from '../test-database';

/**
 * migrations/1764232600000-create-posting-run.ts was edited twice after it landed. A database that ran an
 * earlier text (kept in test/fixtures/migrations) must end, after 1764234700000-repair-posting-run, with the
 * same schema as one that ran the final text (the test template), and with the runs the final function writes.
 */

type MigrationClass = new () => MigrationInterface;

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');
const POSTING_RUN_FILE = '1764232600000-create-posting-run.ts';
const REPAIR_FILE = '1764234700000-repair-posting-run.ts';

/**
 * The landed migrations, with create-posting-run replaced by an earlier text and without the repair (TypeORM
 * orders them by the timestamp in their names).
 */
function migrationsWith(postingRun: MigrationClass): (MigrationClass | string)[] {
  const files = readdirSync(MIGRATIONS_DIR).filter(
    (f) => f.endsWith('.ts') && f < REPAIR_FILE && f !== POSTING_RUN_FILE,
  );
  return [...files.map((f) => join(MIGRATIONS_DIR, f)), postingRun];
}

/**
 * The public schema as the catalog describes it: columns, constraints, indexes, functions, triggers, grants. The
 * rules installer's PATHWAY functions are written from the policy versions the database holds (data, which differ
 * with how the migrations were run: in one go the publishing migrations find a fresh database and skip), so only
 * their signatures are compared.
 */
const CATALOG = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         concat_ws(' ', ordinal_position, data_type, udt_name, character_maximum_length, is_nullable,
                   column_default, is_generated, generation_expression) AS def
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'function', p.oid::regprocedure::text,
         CASE WHEN p.proname LIKE 'pathway\\_%' THEN '' ELSE pg_get_functiondef(p.oid) END
           || ' acl ' || coalesce(p.proacl::text, '')
    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'trigger', tgrelid::regclass::text || '.' || tgname, pg_get_triggerdef(oid)
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL
  SELECT 'table', c.relname, c.relkind::text || ' acl ' || coalesce(c.relacl::text, '')
    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
  ORDER BY 1, 2`;

const RUNS = `SELECT posting_id::text, post_run_start::text, post_run_posting_ids::text, level_run_start::text,
                     earlier_level_days, level_entered_on::text
                FROM posting_run ORDER BY 1`;

async function catalogOf(url: string): Promise<unknown[]> {
  const ds = await new DataSource(dataSourceOptions(url, 1)).initialize();
  try {
    return await ds.query<unknown[]>(CATALOG);
  } finally {
    await ds.destroy();
  }
}

/** The transaction ids that last wrote posting_run's rows: unchanged when no row was rewritten. */
async function lastWriter(ds: DataSource): Promise<string> {
  const [{ xmins }] = await ds.query<{ xmins: string }[]>(
    `SELECT string_agg(xmin::text, ',' ORDER BY posting_id) AS xmins FROM posting_run`,
  );
  return xmins;
}

/** A career with promotions and a return to an earlier level, written before the repair runs. */
async function writeCareers(ds: DataSource): Promise<Record<string, string>> {
  const [a, b] = [(await makeUnit(ds)).id, (await makeUnit(ds)).id];
  const cadre = (await makeCadre(ds)).id;
  const other = (await makeCadre(ds)).id;
  const post = (unit: string, level: string, startDate: string, endDate: string | null, kind = 'REGULAR') =>
    makePosting(ds, cadre, unit, { level, startDate, endDate, kind }).then((p) => p.id);
  const ids = {
    deputy: await post(a, 'TOWNSHIP_DEPUTY', '2010-01-01', '2012-12-31'),
    deputyMoved: await post(b, 'TOWNSHIP_DEPUTY', '2013-01-01', '2014-06-30'),
    secondment: await post(a, 'TOWNSHIP_CHIEF', '2013-03-01', '2013-05-31', 'SECONDMENT'),
    chief: await post(b, 'TOWNSHIP_CHIEF', '2014-07-01', '2016-12-31'),
    deputyAgain: await post(a, 'TOWNSHIP_DEPUTY', '2017-01-01', '2018-12-31'),
    chiefAgain: await post(a, 'TOWNSHIP_CHIEF', '2019-01-01', null),
  };
  await makePosting(ds, other, a, { level: 'TOWNSHIP_CHIEF', startDate: '2011-05-01', endDate: null });
  return ids;
}

describe('migration 1764234700000-repair-posting-run', () => {
  const { serverUrl, template } = testServer();

  it.each([
    ['first text (cecbf6c)', CreatePostingRun1764232600000V1],
    ['second text (044cfa2)', CreatePostingRun1764232600000V2],
  ])('a database that ran the %s ends with the final schema and runs', async (_label, earlier) => {
    const name = `${template}_r${randomBytes(5).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = withDatabase(serverUrl, name);
    try {
      const old = await new DataSource({
        ...dataSourceOptions(url, 2),
        migrations: migrationsWith(earlier),
      }).initialize();
      let ids: Record<string, string>;
      try {
        await runMigrations(old);
        const [{ n }] = await old.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM information_schema.columns
            WHERE table_name = 'posting_run' AND column_name = 'level_entered_on'`,
        );
        expect(n).toBe(0);
        ids = await writeCareers(old);
      } finally {
        await old.destroy();
      }

      const ds = await new DataSource(dataSourceOptions(url, 2)).initialize();
      try {
        // The repair runs first; migrations added after it follow.
        expect((await runMigrations(ds))[0]).toBe('RepairPostingRun1764234700000');
        // Backfilled: the last move to each posting's level (a secondment is no move; it has no run).
        const entered = new Map(
          (
            await ds.query<{ id: string; d: string }[]>(
              `SELECT posting_id::text AS id, level_entered_on::text AS d FROM posting_run`,
            )
          ).map((r) => [r.id, r.d]),
        );
        expect(
          [ids.deputy, ids.deputyMoved, ids.chief, ids.deputyAgain, ids.chiefAgain].map((id) =>
            entered.get(id),
          ),
        ).toEqual(['2010-01-01', '2010-01-01', '2014-07-01', '2017-01-01', '2019-01-01']);
        expect(entered.has(ids.secondment)).toBe(false);
        // ... and every row equal to what the final function writes from nothing.
        const repaired = await ds.query<unknown[]>(RUNS);
        await ds.query(`DELETE FROM posting_run`);
        await ds.query(`SELECT refresh_posting_runs(ARRAY(SELECT id FROM cadre))`);
        expect(await ds.query(RUNS)).toEqual(repaired);
      } finally {
        await ds.destroy();
      }
      expect(await catalogOf(url)).toEqual(await catalogOf(withDatabase(serverUrl, template)));
    } finally {
      await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it('changes nothing on a database that ran the final text', async () => {
    const db = await createFileDatabase();
    const ds = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    try {
      await writeCareers(ds);
      const before = { catalog: await ds.query(CATALOG), runs: await ds.query(RUNS) };
      const xminBefore = await lastWriter(ds);
      const runner = ds.createQueryRunner();
      try {
        await new RepairPostingRun1764234700000().up(runner);
        // Later migrations that redefine refresh_posting_runs follow it, as on any database.
        await new AddReappointmentGap1764236400000().up(runner);
        await new RefreshOncePerWrite1764237900000().up(runner);
      } finally {
        await runner.release();
      }
      expect({ catalog: await ds.query(CATALOG), runs: await ds.query(RUNS) }).toEqual(before);
      // No row rewritten: the backfill found nothing to do.
      expect(await lastWriter(ds)).toBe(xminBefore);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
