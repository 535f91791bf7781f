import { createHmac } from 'node:crypto';
import { Client, DatabaseError } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The NOLOGIN group role holding exactly the service's grants (migration 1764233300000 creates it and grants it
 * DML on the tables, INSERT/SELECT only on audit_log). The service connects as a login role that is a member
 * of it, or, when it shares the owner's login, takes it on through the connection's `role` parameter.
 */
export const APP_ROLE = 'cadre_app';
/** The login role the embedded and test setups create; a deployment may name its own (any member of cadre_app). */
export const APP_LOGIN = 'cadre_app_login';

// Arbitrary constant: one process at a time creates the roles (per database; roles are cluster-wide).
const ROLE_LOCK = 4_217_002;

/** A local login role's password, derived from the embedded server's superuser password (kept in the data folder). */
export function derivedPassword(serverPassword: string, role: string): string {
  return createHmac('sha256', serverPassword).update(role).digest('base64url');
}

/**
 * Creates cadre_app (when missing) and the login role `login` in it, as the owner/superuser of `ownerUrl`.
 * Idempotent: an existing login role keeps its password. Test runs sharing a server may do this at once, so it
 * runs under an advisory lock.
 */
export async function ensureAppLogin(ownerUrl: string, login: string, password: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_LOCK]);
    const exists = async (role: string): Promise<boolean> =>
      ((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount ?? 0) > 0;
    if (!(await exists(APP_ROLE))) await client.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`);
    if (!(await exists(login))) {
      await client.query(
        `CREATE ROLE ${client.escapeIdentifier(login)} LOGIN PASSWORD ${client.escapeLiteral(password)}`,
      );
    }
    const { rows } = await client.query<{ member: boolean }>(
      `SELECT pg_has_role($1, $2, 'MEMBER') AS member`,
      [login, APP_ROLE],
    );
    if (!rows[0].member) await client.query(`GRANT ${APP_ROLE} TO ${client.escapeIdentifier(login)}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Whether a connection to `url` may take on cadre_app (`-c role=cadre_app` at start-up): a superuser, or a login
 * role granted cadre_app. False when the role is missing or not granted; other failures (server down) throw.
 */
export async function canActAsAppRole(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, options: `-c role=${APP_ROLE}` });
  try {
    await client.connect();
    return true;
  } catch (err) {
    // 42501: permission denied to set role; 22023: the role does not exist (an invalid value for `role`)
    if (err instanceof DatabaseError && (err.code === '42501' || err.code === '22023')) return false;
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Tables (of the current schema) whose owner's privileges the connection's current role holds: owning them,
 * inheriting from their owner, or being a superuser. Such a role could disable audit_log's triggers.
 */
export async function ownedTables(ds: DataSource): Promise<string[]> {
  const rows = await ds.query<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND pg_has_role(current_user, c.relowner, 'USAGE')
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}
