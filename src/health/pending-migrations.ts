import { DataSource } from 'typeorm';

/** Names of the migrations this build knows that the database has not applied. */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = await ds.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    table,
  ]);
  const applied = new Set<string>();
  if (exists) {
    const rows = await ds.query<{ name: string }[]>(`SELECT name FROM "${table}"`);
    for (const r of rows) applied.add(r.name);
  }
  return ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
