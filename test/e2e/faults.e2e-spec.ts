import { Client } from 'pg';
import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { SYNC_POSTINGS } from './sync-fixtures';

const WRITTEN_TABLES = ['posting', 'audit_log', 'sync_run', 'sync_result'];

async function fingerprints(t: TestApp): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of WRITTEN_TABLES) out[table] = await tableFingerprint(t.ds, table);
  return out;
}

/** A separate session on the test's database, to hold locks and kill the app's connections. */
async function sideSession(t: TestApp): Promise<Client> {
  const client = new Client({ connectionString: (t.ds.options as { url?: string }).url });
  await client.connect();
  return client;
}

/** The app's backend that waits on a lock the side session holds (polls, bounded). */
async function blockedBackend(side: Client): Promise<number> {
  for (let i = 0; i < 400; i += 1) {
    await side.query('SELECT pg_stat_clear_snapshot()'); // activity is a snapshot per transaction
    const { rows } = await side.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'cadre-pathways'
          AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the request never reached the lock');
}

function expectCleanError(res: GqlResult, code: string): void {
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  const [e] = res.errors ?? [];
  expect(e.extensions).toEqual({ code, requestId: expect.any(String) });
  expect(e.message).not.toMatch(/posting|unit|sync|terminat|statement|SQL|relation/i);
}

const UPDATE_POSTING = `mutation($input: UpdatePostingInput!) { updatePosting(input: $input) { id title } }`;
const RECORD_POSTING = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { id } }`;

describe('statement timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '1500' });
  });
  afterAll(() => t.close());

  it('cancels a statement stuck on a lock: that request alone gets TIMEOUT, nothing is written, the pool recovers', async () => {
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const posting = await makePosting(t.ds, cadre.id, unit.id);
    const side = await sideSession(t);
    try {
      await side.query('BEGIN');
      await side.query('SELECT id FROM posting WHERE id = $1 FOR UPDATE', [posting.id]);
      const before = await fingerprints(t);
      const stuck = t.gql(UPDATE_POSTING, { input: { id: posting.id, title: 'Renamed' } });
      await blockedBackend(side);
      // the other requests go on meanwhile
      expect(ok(await t.gql('{ units { id } }')).units.length).toBeGreaterThan(0);
      expectCleanError(await stuck, 'TIMEOUT');
      expect(await fingerprints(t)).toEqual(before);
      await side.query('ROLLBACK');
      const retried = ok(await t.gql(UPDATE_POSTING, { input: { id: posting.id, title: 'Renamed' } }));
      expect(retried.updatePosting.title).toBe('Renamed');
    } finally {
      await side.end();
    }
  });
});

describe('request timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ REQUEST_TIMEOUT_MS: '1500' });
  });
  afterAll(() => t.close());

  it('answers 503 TIMEOUT with the request id when a request is not done in time; later requests are served', async () => {
    await makeUnit(t.ds);
    const side = await sideSession(t);
    try {
      await side.query('BEGIN');
      await side.query('LOCK TABLE unit IN ACCESS EXCLUSIVE MODE');
      const res = await t.gql('{ units { id } }');
      expectCleanError(res, 'TIMEOUT');
      await side.query('ROLLBACK');
      expect(ok(await t.gql('{ units { id } }')).units.length).toBeGreaterThan(0);
    } finally {
      await side.end();
    }
  });
});

describe('database connection killed mid-request', () => {
  let t: TestApp;
  let unit: { id: string; code: string };
  beforeAll(async () => {
    t = await createTestApp();
    unit = await makeUnit(t.ds);
  });
  afterAll(() => t.close());

  /** Runs `send` while the side session blocks writes to `table`, kills the app's waiting backend, returns the answer. */
  async function killedDuring(table: string, send: () => Promise<GqlResult>): Promise<GqlResult> {
    const side = await sideSession(t);
    try {
      await side.query('BEGIN');
      await side.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
      const pending = send();
      const pid = await blockedBackend(side);
      await side.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await pending;
      await side.query('ROLLBACK');
      return res;
    } finally {
      await side.end();
    }
  }

  it('during a mutation: a clean error, no partial write, and the next request succeeds', async () => {
    const cadre = await makeCadre(t.ds);
    const input = {
      cadreId: cadre.id,
      unitId: unit.id,
      title: '镇长',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2020-01-01',
    };
    const before = await fingerprints(t);
    const res = await killedDuring('posting', () => t.gql(RECORD_POSTING, { input }));
    expectCleanError(res, 'SERVICE_UNAVAILABLE');
    expect(await fingerprints(t)).toEqual(before);
    const again = ok(await t.gql(RECORD_POSTING, { input }));
    expect(again.recordPosting.id).toEqual(expect.any(String));
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM posting WHERE cadre_id = $1', [
      cadre.id,
    ]);
    expect(n).toBe(1);
  });

  it('during a sync: a clean error, no run and no posting written, and the same sync then succeeds', async () => {
    const cadres = await Promise.all([makeCadre(t.ds), makeCadre(t.ds), makeCadre(t.ds)]);
    const input = {
      source: 'hr-faults',
      idempotencyKey: 'faults-1',
      records: cadres.map((c, i) => ({
        externalId: `F-${i}`,
        cadreExternalId: c.externalId,
        unitCode: unit.code,
        title: '副镇长',
        level: 'TOWNSHIP_DEPUTY',
        startDate: '2019-03-01',
      })),
    };
    const hr = t.token({ role: Role.HR_SYNC, source: 'hr-faults' });
    const before = await fingerprints(t);
    const res = await killedDuring('posting', () => t.gql(SYNC_POSTINGS, { input }, hr));
    expectCleanError(res, 'SERVICE_UNAVAILABLE');
    expect(await fingerprints(t)).toEqual(before);
    const run = ok(await t.gql(SYNC_POSTINGS, { input }, hr)).syncPostings;
    expect(run).toMatchObject({ status: 'COMPLETED', counts: { received: 3, created: 3 } });
  });

  it('keeps serving after every connection of its pool was killed while idle', async () => {
    ok(await t.gql('{ units { id } }'));
    const side = await sideSession(t);
    try {
      await side.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'cadre-pathways' AND pid <> pg_backend_pid()`,
      );
    } finally {
      await side.end();
    }
    // a pooled connection may be found dead once; the request after that must work
    const first = await t.gql('{ units { id } }');
    if (first.errors) expect(first.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(ok(await t.gql('{ units { id } }')).units.length).toBeGreaterThan(0);
  });
});
