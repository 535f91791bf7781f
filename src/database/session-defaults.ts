import { Client } from 'pg';
import { IDLE_IN_TRANSACTION_MS } from './data-source-options';

export interface SessionDefaults {
  /** statement_timeout, ms (0: none). */
  statementTimeoutMs: number;
  /** idle_in_transaction_session_timeout, ms. */
  idleInTransactionMs?: number;
}

// Arbitrary constant: instances booting at once do not update the same pg_db_role_setting row concurrently.
const DEFAULTS_LOCK = 4_217_003;

function settings(d: SessionDefaults): Record<string, string> {
  return {
    statement_timeout: String(d.statementTimeoutMs),
    idle_in_transaction_session_timeout: String(d.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS),
  };
}

/**
 * The service's timeouts as its login role's defaults in its database (`ALTER ROLE … IN DATABASE … SET`):
 * every session that login opens there starts with them, however it reaches the server. Start-up parameters
 * would do the same on a direct connection, but a pooler in transaction mode (PgBouncer) refuses them, and a
 * session-level SET would stay on a server connection another client gets next. A role may set its own
 * defaults, so this needs no privilege beyond the login. One transaction: it goes through a pooler as well.
 * Other sessions opened earlier (PgBouncer's server connections from before a change) keep the old values until
 * they reconnect (`server_lifetime`, or RECONNECT on PgBouncer's console). Returns the settings it changed (none when they were already in place).
 */
export async function applySessionDefaults(url: string, d: SessionDefaults): Promise<string[]> {
  const want = settings(d);
  const client = new Client({ connectionString: url, application_name: 'cadre-pathways-boot' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEFAULTS_LOCK]);
    const { rows } = await client.query<{ role: string; db: string; config: string[] | null }>(
      `SELECT session_user AS role, current_database() AS db,
              (SELECT s.setconfig FROM pg_db_role_setting s
                WHERE s.setrole = (SELECT oid FROM pg_roles WHERE rolname = session_user)
                  AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())) AS config`,
    );
    const [{ role, db, config }] = rows;
    const have = new Map(
      (config ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    );
    const changed = Object.entries(want).filter(([k, v]) => have.get(k) !== v);
    for (const [key, value] of changed) {
      await client.query(
        `ALTER ROLE ${client.escapeIdentifier(role)} IN DATABASE ${client.escapeIdentifier(db)} ` +
          `SET ${key} = ${client.escapeLiteral(value)}`,
      );
    }
    await client.query('COMMIT');
    // This very connection began before the change: behind a pooler it is a server connection the pool hands
    // on next (to this service's pool, on a first boot). It takes the new defaults too, so that no session of
    // this login has other values than a fresh one would.
    if (changed.length) {
      await client.query(
        `SELECT ${changed.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`).join(', ')}`,
        changed.flat(),
      );
    }
    return changed.map(([k]) => k);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same settings as a start-up `options` string (the one-login-role case only: see DatabaseModule). */
export function sessionDefaultsOption(d: SessionDefaults): string {
  return Object.entries(settings(d))
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
}
