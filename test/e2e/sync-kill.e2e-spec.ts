import { Client } from 'pg';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import { counts, syncPostings } from './sync-fixtures';

/** Waits (by polling the server, not the clock) until some backend is blocked on a lock. */
async function blockedBackend(t: TestApp, client: Client): Promise<number> {
  const mine = (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
  for (;;) {
    const rows: { pid: number }[] = await t.ds.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND pid <> $1 AND query LIKE '%UPDATE posting p SET cadre_id%'`,
      [mine],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setImmediate(r));
  }
}

describe('a sync whose database connection dies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves nothing half-written, and the retry completes', async () => {
    const unit = await makeUnit(t.ds, { level: 'COUNTY' });
    const people = [await makeCadre(t.ds), await makeCadre(t.ds), await makeCadre(t.ds)];
    const record = (k: number, title: string) => ({
      externalId: `K-${k}`,
      cadreExternalId: people[k].externalId,
      unitCode: unit.code,
      title,
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2019-01-01',
    });
    ok(await syncPostings(t, { source: 'hr-kill', records: [record(0, 'Old'), record(1, 'Old')] }));
    const before = [await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'sync_run')];

    // Another session holds K-1's row, so the sync stops inside its write phase, after ending K-0 (SNAPSHOT).
    const blocker = new Client({ connectionString: (t.ds.options as { url: string }).url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM posting WHERE external_id = 'K-1' FOR UPDATE`);
    const input = {
      source: 'hr-kill',
      mode: 'SNAPSHOT',
      scopeUnitCode: unit.code,
      asOf: '2026-11-27',
      records: [record(1, 'New'), record(2, 'New')],
    };
    const pending = syncPostings(t, input);
    const pid = await blockedBackend(t, blocker);
    await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
    const failed = await pending;
    await blocker.query('ROLLBACK');
    await blocker.end();
    // The caller sees a failure it may retry (its exact code belongs to the error formatter).
    expect(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']).toContain(failed.errors?.[0].extensions.code);
    expect([await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'sync_run')]).toEqual(
      before,
    );

    const retry = ok(await syncPostings(t, input)).syncPostings;
    expect(retry.counts).toEqual(counts({ received: 2, created: 1, updated: 1, ended: 1 }));
    const rows = await t.ds.query(`SELECT external_id, title, end_date FROM posting ORDER BY external_id`);
    expect(rows).toEqual([
      { external_id: 'K-0', title: 'Old', end_date: '2026-11-26' },
      { external_id: 'K-1', title: 'New', end_date: null },
      { external_id: 'K-2', title: 'New', end_date: null },
    ]);
  });
});
