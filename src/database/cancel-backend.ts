import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { primaryUrl } from './data-source-options';

/** Waiting longer than this to reach the server for a cancel gives up; the statement timeout still applies. */
const CANCEL_CONNECT_MS = 5_000;

/**
 * Cancels the statement backend `pid` is running (pg_cancel_backend), over a connection of its own: a request
 * runs out of time mostly when the pool is busy, and a pooled connection could take as long as the statement.
 * Resolves once the signal is sent, so the backend has it before it reads anything sent after this.
 */
export async function cancelBackend(ds: DataSource, pid: number): Promise<void> {
  const client = new Client({
    // The app's data sources are always made from a URL (dataSourceOptions).
    connectionString: primaryUrl(ds.options),
    application_name: 'cadre-pathways-cancel',
    connectionTimeoutMillis: CANCEL_CONNECT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT pg_cancel_backend($1)', [pid]);
  } finally {
    await client.end().catch(() => undefined);
  }
}
