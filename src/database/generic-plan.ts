import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a statement as a named prepared statement with a generic plan, inside the caller's transaction.
 *
 * For the fixed-shape statements about a few given cadres (a cadre's flags, its pathway facts): PostgreSQL
 * spent 4–5 ms planning the flag statement for one cadre and under 1 ms running it, on every request. Named, it
 * is parsed once per connection; `force_generic_plan` (for this transaction only) plans it once too. Measured on
 * 100,000 cadres: the flag statement for one cadre 4.9 → 0.45 ms of PostgreSQL CPU, the pathway facts 1.35 →
 * 0.2 ms. Not for statements over a unit or the province, whose plans depend on the sizes of their parameters.
 *
 * The name is a digest of the text, so one name never stands for two statements on a connection. `jitOff`: JIT
 * off for the transaction too, set with the plan mode (one round trip fewer than setting it apart).
 *
 * Named statements live on a server connection. PgBouncer in transaction mode hands a client a different server
 * connection per transaction; from 1.21 it keeps track of protocol-level named statements itself
 * (max_prepared_statements > 0), before that it does not. DB_PREPARED_STATEMENTS=false (see
 * setPreparedStatements) sends the statement unnamed instead: planned on every call, correct behind any pooler.
 */
const unnamed = new WeakSet<DataSource>();

/** DB_PREPARED_STATEMENTS for a data source (DatabaseModule): false sends queryWithGenericPlan's statements unnamed. */
export function setPreparedStatements(ds: DataSource, enabled: boolean): void {
  if (enabled) unnamed.delete(ds);
  else unnamed.add(ds);
}

export async function queryWithGenericPlan<T>(
  em: EntityManager,
  text: string,
  values: unknown[],
  o: { jitOff?: boolean } = {},
): Promise<T[]> {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('queryWithGenericPlan needs a transaction');
  const jitOff = o.jitOff ? `SET LOCAL jit = off` : undefined;
  if (unnamed.has(em.connection)) {
    if (jitOff) await em.query(jitOff);
    return em.query<T[]>(text, values);
  }
  // Both settings in one round trip (a statement without parameters goes as a simple query, which may hold two).
  await em.query(`SET LOCAL plan_cache_mode = force_generic_plan${jitOff ? `; ${jitOff}` : ''}`);
  const client = (await runner.connect()) as PoolClient;
  const name = `cp_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  // Logged as TypeORM logs its own queries (the query log, and the tests counting statements per request).
  runner.connection.logger.logQuery(text, values, runner);
  const { rows } = await client.query({ name, text, values });
  return rows as T[];
}
