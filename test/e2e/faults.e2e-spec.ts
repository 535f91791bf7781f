import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../src/audit/transaction-runner';
import { RequestDeadline } from '../../src/common/http/request-deadline';
import { Caller, Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { SYNC_POSTINGS } from './sync-fixtures';
import { appBackends, IN_TRANSACTION, pollFor, WAITING_ON_LOCK } from './support/activity';

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
function blockedBackend(side: Client): Promise<number> {
  return pollFor(
    async () => (await appBackends(side, WAITING_ON_LOCK))[0],
    'the request never reached the lock',
  );
}

/** Waits until none of the app's connections is in a transaction (a cancelled one has rolled back). */
async function appIdle(side: Client): Promise<void> {
  await pollFor(
    async () => ((await appBackends(side, IN_TRANSACTION)).length === 0 ? true : undefined),
    'the app still holds a transaction open',
  );
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
const TWO_UNITS = `mutation($a: CreateUnitInput!, $b: CreateUnitInput!) {
  a: createUnit(input: $a) { id } b: createUnit(input: $b) { id } }`;
const UNIT_THEN_POSTING = `mutation($a: CreateUnitInput!, $b: RecordPostingInput!) {
  a: createUnit(input: $a) { id } b: recordPosting(input: $b) { id } }`;

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

  /** Holds `lock` in an open transaction while `send` runs; releases it, and returns once the app is idle. */
  async function lockedDuring<T>(lock: string, send: () => Promise<T>): Promise<T> {
    const side = await sideSession(t);
    try {
      await side.query('BEGIN');
      await side.query(lock);
      const res = await send();
      await side.query('ROLLBACK');
      await appIdle(side);
      return res;
    } finally {
      await side.end();
    }
  }

  it('a mutation stuck on a lock past the time gets TIMEOUT and never commits, also once the lock is gone', async () => {
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const input = {
      cadreId: cadre.id,
      unitId: unit.id,
      title: '镇长',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2020-01-01',
    };
    const before = await fingerprints(t);
    // Reads go through; the insert waits.
    const res = await lockedDuring('LOCK TABLE posting IN EXCLUSIVE MODE', () =>
      t.gql(RECORD_POSTING, { input }),
    );
    expectCleanError(res, 'TIMEOUT');
    expect(await fingerprints(t)).toEqual(before);
    // the retry writes it once
    ok(await t.gql(RECORD_POSTING, { input }));
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM posting WHERE cadre_id = $1', [
      cadre.id,
    ]);
    expect(n).toBe(1);
  });

  it('a sync stuck past the time gets TIMEOUT and writes no run and no posting', async () => {
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const input = {
      source: 'hr-timeout',
      idempotencyKey: 'timeout-1',
      records: [
        {
          externalId: 'T-1',
          cadreExternalId: cadre.externalId,
          unitCode: unit.code,
          title: '副镇长',
          level: 'TOWNSHIP_DEPUTY',
          startDate: '2019-03-01',
        },
      ],
    };
    const hr = t.token({ role: Role.HR_SYNC, source: 'hr-timeout' });
    const before = await fingerprints(t);
    const res = await lockedDuring('LOCK TABLE posting IN EXCLUSIVE MODE', () =>
      t.gql(SYNC_POSTINGS, { input }, hr),
    );
    expectCleanError(res, 'TIMEOUT');
    expect(await fingerprints(t)).toEqual(before);
  });

  it('two mutations in one request, the first stuck past the time: TIMEOUT, and neither is written', async () => {
    const units = () => tableFingerprint(t.ds, 'unit');
    const before = await units();
    const auditBefore = await tableFingerprint(t.ds, 'audit_log');
    const res = await lockedDuring('LOCK TABLE unit IN EXCLUSIVE MODE', () =>
      t.gql(TWO_UNITS, {
        a: { code: 'TIMEOUT-A', name: '甲', level: 'TOWNSHIP', kind: 'GOVERNMENT' },
        b: { code: 'TIMEOUT-B', name: '乙', level: 'TOWNSHIP', kind: 'GOVERNMENT' },
      }),
    );
    expectCleanError(res, 'TIMEOUT');
    expect(await units()).toEqual(before);
    expect(await tableFingerprint(t.ds, 'audit_log')).toEqual(auditBefore);
  });

  it('what committed before the time ran out is answered, not TIMEOUT; the part cut off is TIMEOUT', async () => {
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const res = await lockedDuring('LOCK TABLE posting IN EXCLUSIVE MODE', () =>
      t.gql(UNIT_THEN_POSTING, {
        a: { code: 'TIMEOUT-C', name: '丙', level: 'TOWNSHIP', kind: 'GOVERNMENT' },
        b: {
          cadreId: cadre.id,
          unitId: unit.id,
          title: '镇长',
          level: 'TOWNSHIP_CHIEF',
          startDate: '2020-01-01',
        },
      }),
    );
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'TIMEOUT' } });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM unit WHERE code = 'TIMEOUT-C'`);
    expect(n).toBe(1);
    const [{ p }] = await t.ds.query('SELECT count(*)::int AS p FROM posting WHERE cadre_id = $1', [
      cadre.id,
    ]);
    expect(p).toBe(0);
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

describe('request deadline in the transaction runner', () => {
  let t: TestApp;
  let tx: TransactionRunner;
  const caller = (deadline: RequestDeadline): Caller => ({ sub: 'test-admin', role: Role.ADMIN, deadline });
  const insertUnit = (em: EntityManager, code: string) =>
    em.query(`INSERT INTO unit (code, name, level, kind) VALUES ($1, '甲', 'TOWNSHIP', 'GOVERNMENT')`, [
      code,
    ]);
  const unitsCoded = async (code: string): Promise<number> =>
    (await t.ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM unit WHERE code = $1', [code]))[0].n;
  beforeAll(async () => {
    t = await createTestApp();
    tx = t.app.get(TransactionRunner);
  });
  afterAll(() => t.close());

  it('does not start a transaction once the time is up', async () => {
    const deadline = new RequestDeadline(60_000);
    await deadline.expire();
    const work = jest.fn(async (em: EntityManager) => insertUnit(em, 'DL-1'));
    await expect(tx.run(caller(deadline), work)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(work).not.toHaveBeenCalled();
    expect(await unitsCoded('DL-1')).toBe(0);
  });

  it('does not commit when the time runs out after the work is done: it rolls back', async () => {
    const deadline = new RequestDeadline(60_000);
    const run = tx.run(caller(deadline), async (em) => {
      await insertUnit(em, 'DL-2');
      await deadline.expire();
    });
    await expect(run).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(await unitsCoded('DL-2')).toBe(0);
  });

  it('cancels the statement running when the time runs out, and rolls back', async () => {
    const deadline = new RequestDeadline(60_000); // the statement timeout (15 s) is far off
    const side = await sideSession(t);
    try {
      await side.query('BEGIN');
      await side.query('LOCK TABLE posting IN EXCLUSIVE MODE');
      const run = tx.run(caller(deadline), async (em) => {
        await insertUnit(em, 'DL-3');
        await em.query(`LOCK TABLE posting IN ROW EXCLUSIVE MODE`);
      });
      await blockedBackend(side);
      void deadline.expire();
      await expect(run).rejects.toMatchObject({ driverError: { code: '57014' } });
      expect(await unitsCoded('DL-3')).toBe(0);
      await side.query('ROLLBACK');
    } finally {
      await side.end();
    }
    // the connection went back to the pool clean
    await tx.run(caller(new RequestDeadline(60_000)), (em) => insertUnit(em, 'DL-3B'));
    expect(await unitsCoded('DL-3B')).toBe(1);
  });

  it('tells the request timeout whether anything committed: not after a refused COMMIT, yes after a COMMIT', async () => {
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const refused = new RequestDeadline(60_000);
    const overlapping = tx.run(caller(refused), async (em) => {
      // checked at COMMIT, so the COMMIT itself fails
      await em.query('SET CONSTRAINTS posting_no_overlap_excl DEFERRED');
      for (const start of ['2020-01-01', '2020-06-01']) {
        await em.query(
          `INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date) VALUES ($1, $2, '镇长', 'TOWNSHIP_CHIEF', 'REGULAR', $3)`,
          [cadre.id, unit.id, start],
        );
      }
    });
    await expect(overlapping).rejects.toMatchObject({ driverError: { code: '23P01' } });
    expect(await refused.expire()).toBe(true);

    const committed = new RequestDeadline(60_000);
    await tx.run(caller(committed), (em) => insertUnit(em, 'DL-4'));
    expect(await committed.expire()).toBe(false);
  });

  it('limits each statement to the time the request has left', async () => {
    const deadline = new RequestDeadline(5_000);
    const ms = await tx.run(caller(deadline), async (em) => {
      const [row]: { ms: number }[] = await em.query(
        `SELECT (extract(epoch FROM current_setting('statement_timeout')::interval) * 1000)::int AS ms`,
      );
      return row.ms;
    });
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(5_000);
  });
});
