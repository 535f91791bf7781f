import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import { counts, nodes, syncPostings } from './sync-fixtures';

/** A deterministic shuffle, so a failure replays the same way. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i -= 1) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('sync replays, idempotency, limits and concurrency', () => {
  let t: TestApp;
  let unit: { id: string; code: string };
  let cadres: { id: string; externalId: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    unit = await makeUnit(t.ds, { level: 'COUNTY' });
    cadres = [];
    for (let i = 0; i < 40; i += 1) cadres.push(await makeCadre(t.ds));
  });
  afterAll(() => t.close());

  /** Three postings per cadre, one after another; the last one open. */
  const batch = (prefix: string, from = 0, to = 40) =>
    cadres.slice(from, to).flatMap((c, i) =>
      [0, 1, 2].map((k) => ({
        externalId: `${prefix}-${from + i}-${k}`,
        cadreExternalId: c.externalId,
        unitCode: unit.code,
        title: `Post ${k}`,
        level: k === 2 ? 'TOWNSHIP_CHIEF' : 'TOWNSHIP_DEPUTY',
        startDate: `${2010 + 3 * k}-01-01`,
        endDate: k === 2 ? null : `${2012 + 3 * k}-12-31`,
      })),
    );

  it('gives UNCHANGED for every record on three replays and a shuffled one, and the table stays the same', async () => {
    const records = batch('R', 0, 10);
    const first = ok(await syncPostings(t, { source: 'hr-r', records })).syncPostings;
    expect(first.counts).toEqual(counts({ received: 30, created: 30 }));
    const after = [await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'audit_log')];
    for (const replay of [records, records, records, shuffled(records)]) {
      const run = ok(await syncPostings(t, { source: 'hr-r', records: replay })).syncPostings;
      expect(run.counts).toEqual(counts({ received: 30, unchanged: 30 }));
      expect(run.status).toBe('COMPLETED');
      expect([await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'audit_log')]).toEqual(
        after,
      );
    }
  });

  it('returns the first run for the same idempotency key and payload, and CONFLICT for another payload', async () => {
    const records = batch('K', 10, 12);
    const first = ok(await syncPostings(t, { source: 'hr-k', idempotencyKey: 'k-1', records })).syncPostings;
    const runs = await tableFingerprint(t.ds, 'sync_run');
    const again = ok(await syncPostings(t, { source: 'hr-k', idempotencyKey: 'k-1', records })).syncPostings;
    expect(again.id).toBe(first.id);
    expect(again.counts).toEqual(counts({ received: 6, created: 6 }));
    expect(await tableFingerprint(t.ds, 'sync_run')).toEqual(runs);

    const before = await tableFingerprint(t.ds, 'posting');
    const changed = records.map((r) => ({ ...r, title: 'Changed' }));
    const res = await syncPostings(t, { source: 'hr-k', idempotencyKey: 'k-1', records: changed });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
    expect(await tableFingerprint(t.ds, 'sync_run')).toEqual(runs);

    // The same key under another source is another key.
    const other = ok(
      await syncPostings(t, { source: 'hr-k2', idempotencyKey: 'k-1', records: batch('K2', 12, 13) }),
    );
    expect(other.syncPostings.id).not.toBe(first.id);
  });

  it('rejects a batch over the limit before anything is written', async () => {
    const record = {
      externalId: 'x',
      cadreExternalId: 'x',
      unitCode: 'x',
      title: 'x',
      level: 'X',
      startDate: '2020-01-01',
    };
    const records = Array.from({ length: 10_001 }, (_, i) => ({ ...record, externalId: `L-${i}` }));
    const before = [await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'sync_run')];
    const res = await syncPostings(t, { source: 'hr-l', records });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'records' });
    expect(res.errors?.[0].message).toContain('最多 10000');
    expect([await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'sync_run')]).toEqual(
      before,
    );
  });

  it('takes two concurrent syncs of overlapping batches without duplicates or errors', async () => {
    const one = batch('C', 13, 28);
    const two = batch('C', 21, 34);
    const [a, b] = await Promise.all([
      syncPostings(t, { source: 'hr-c', records: one }),
      syncPostings(t, { source: 'hr-c', records: two }),
    ]);
    const runs = [ok(a).syncPostings, ok(b).syncPostings];
    const created = runs.reduce((n, r) => n + r.counts.created, 0);
    const unchanged = runs.reduce((n, r) => n + r.counts.unchanged, 0);
    expect(created).toBe(63);
    expect(unchanged).toBe(21);
    expect(runs.every((r) => r.counts.rejected === 0)).toBe(true);
    const [{ n, keys }] = await t.ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS keys FROM posting WHERE source = 'hr-c'`,
    );
    expect({ n, keys }).toEqual({ n: 63, keys: 63 });
  });

  it('lets two sources race for the same periods: each cadre gets one posting, the other is REJECTED', async () => {
    const from = 34;
    const to = 39;
    const mine = (source: string) =>
      cadres.slice(from, to).map((c, i) => ({
        externalId: `${source}-${i}`,
        cadreExternalId: c.externalId,
        unitCode: unit.code,
        title: source,
        level: 'TOWNSHIP_DEPUTY',
        startDate: '2020-01-01',
      }));
    const [x, y] = (
      await Promise.all([
        syncPostings(t, { source: 'hr-x', records: mine('hr-x') }),
        syncPostings(t, { source: 'hr-y', records: mine('hr-y') }),
      ])
    ).map((r) => ok(r).syncPostings);
    expect(x.counts.created + y.counts.created).toBe(to - from);
    expect(x.counts.rejected + y.counts.rejected).toBe(to - from);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM posting WHERE source IN ('hr-x', 'hr-y')`,
    );
    expect(n).toBe(to - from);
  });

  it('refuses an HR_SYNC token sending another source, and lets it send its own', async () => {
    const token = t.token({ role: Role.HR_SYNC, source: 'hr-own' });
    const records = batch('F', 39, 40);
    const before = await tableFingerprint(t.ds, 'posting');
    const res = await syncPostings(t, { source: 'hr-other', records }, token);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
    const own = ok(await syncPostings(t, { source: 'hr-own', records }, token)).syncPostings;
    expect(nodes(own).map((r) => r.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    const others = [
      t.token({ role: Role.ORG_DEPT, unitId: unit.id }),
      t.token({ role: Role.CADRE, cadreId: cadres[0].id }),
    ];
    for (const other of others) {
      const denied = await syncPostings(t, { source: 'hr-own', records }, other);
      expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql(
      'mutation { syncPostings(input: { source: "x", records: [] }) { id } }',
      {},
      null,
    );
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('a configured batch limit', () => {
  it('refuses more records than SYNC_BATCH_LIMIT', async () => {
    const t = await createTestApp({ SYNC_BATCH_LIMIT: '3' });
    try {
      const record = {
        externalId: 'x',
        cadreExternalId: 'x',
        unitCode: 'x',
        title: 'x',
        level: 'X',
        startDate: '2020-01-01',
      };
      const records = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ ...record, externalId: `L-${i}` }));
      const res = await syncPostings(t, { source: 'hr-l', records: records(4) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'records' });
      expect(
        ok(await syncPostings(t, { source: 'hr-l', records: records(3) })).syncPostings.counts.rejected,
      ).toBe(3);
    } finally {
      await t.close();
    }
  });
});
