import { DataSource } from 'typeorm';

/** Tables holding people, units and their records; taxonomy, policy and migration tables are kept. */
const DATA_TABLES = [
  'unit',
  'cadre',
  'posting',
  'training',
  'achievement',
  'achievement_impact',
  'appraisal',
];

/**
 * Empties the data tables, plus any table that references them (a pool or audit row about a deleted cadre is
 * meaningless). Returns the tables emptied. Refuses rather than silently emptying a policy table.
 */
export async function resetData(ds: DataSource): Promise<string[]> {
  const rows: { table: string }[] = await ds.query(
    `WITH RECURSIVE dep(oid) AS (
       SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY($1)
       UNION
       SELECT con.conrelid FROM pg_constraint con JOIN dep ON con.confrelid = dep.oid WHERE con.contype = 'f'
     )
     SELECT c.relname AS table FROM dep JOIN pg_class c ON c.oid = dep.oid ORDER BY 1`,
    [DATA_TABLES],
  );
  const tables = rows.map((r) => r.table);
  const kept = tables.filter(
    (t) => t.startsWith('policy') || t === 'position_level' || t === 'specialty_domain',
  );
  if (kept.length > 0) throw new Error(`--reset would empty ${kept.join(', ')}; refusing`);
  await ds.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
  return tables;
}
