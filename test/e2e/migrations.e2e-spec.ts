import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { createFileDatabase } from '../test-database';

describe('migrations', () => {
  it('every migration reverts cleanly and re-applies', async () => {
    const db = await createFileDatabase();
    const ds = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    try {
      const applied: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM typeorm_migrations');
      expect(applied[0].n).toBe(ds.migrations.length);
      for (let i = 0; i < ds.migrations.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
      const tables: { n: number }[] = await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
      );
      expect(tables[0].n).toBe(0);
      expect(await runMigrations(ds)).toHaveLength(ds.migrations.length);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
