import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import { counts, nodes, RUN_FIELDS, syncPostings } from './sync-fixtures';

const RUN = `query($id: ID!, $after: String, $outcome: SyncOutcome) {
  syncRun(id: $id) { ${RUN_FIELDS}
    results(first: 2, after: $after, outcome: $outcome) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { index externalId outcome } } } } }`;
const RUNS = `query($source: String, $first: Int, $after: String) {
  syncRuns(source: $source, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id source } } } }`;

describe('SNAPSHOT, atomic batches and reading runs', () => {
  let t: TestApp;
  let county: { id: string; code: string };
  let townA: { id: string; code: string };
  let townB: { id: string; code: string };
  beforeAll(async () => {
    t = await createTestApp();
    county = await makeUnit(t.ds, { level: 'COUNTY' });
    townA = await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county.id });
    townB = await makeUnit(t.ds, { level: 'TOWNSHIP' });
  });
  afterAll(() => t.close());

  const record = (
    externalId: string,
    cadreExternalId: string,
    unitCode: string,
    startDate = '2018-01-01',
  ) => ({
    externalId,
    cadreExternalId,
    unitCode,
    title: '副乡长',
    level: 'TOWNSHIP_DEPUTY',
    startDate,
  });

  it('ends the postings of this source in scope that the snapshot leaves out, and deletes nothing', async () => {
    const [a, b, c, d] = [
      await makeCadre(t.ds),
      await makeCadre(t.ds),
      await makeCadre(t.ds),
      await makeCadre(t.ds),
    ];
    ok(
      await syncPostings(t, {
        source: 'hr-s',
        records: [
          record('S-A', a.externalId, townA.code),
          record('S-B', b.externalId, county.code),
          record('S-C', c.externalId, townB.code),
          record('S-D', d.externalId, townA.code, '2027-03-01'),
        ],
      }),
    );
    ok(
      await syncPostings(t, {
        source: 'hr-other',
        records: [{ ...record('O-A', d.externalId, townA.code, '2000-01-01'), endDate: '2005-12-31' }],
      }),
    );
    const run = ok(
      await syncPostings(t, {
        source: 'hr-s',
        mode: 'SNAPSHOT',
        scopeUnitCode: county.code,
        asOf: '2026-11-27',
        records: [record('S-B', b.externalId, county.code)],
      }),
    ).syncPostings;
    expect(run.counts).toEqual(counts({ received: 1, unchanged: 1, ended: 2 }));
    expect(nodes(run).map((n) => [n.index, n.externalId, n.outcome])).toEqual([
      [0, 'S-B', 'UNCHANGED'],
      [1, 'S-A', 'ENDED'],
      [2, 'S-D', 'ENDED'],
    ]);
    const rows = await t.ds.query(`SELECT source, external_id, end_date FROM posting ORDER BY external_id`);
    expect(rows).toEqual([
      { source: 'hr-other', external_id: 'O-A', end_date: '2005-12-31' }, // another source: untouched
      { source: 'hr-s', external_id: 'S-A', end_date: '2026-11-26' },
      { source: 'hr-s', external_id: 'S-B', end_date: null },
      { source: 'hr-s', external_id: 'S-C', end_date: null }, // outside the scope
      { source: 'hr-s', external_id: 'S-D', end_date: '2027-03-01' }, // not yet started: ends on its first day
    ]);
    const again = ok(
      await syncPostings(t, {
        source: 'hr-s',
        mode: 'SNAPSHOT',
        scopeUnitCode: county.code,
        asOf: '2026-11-27',
        records: [record('S-B', b.externalId, county.code)],
      }),
    ).syncPostings;
    expect(again.counts).toEqual(counts({ received: 1, unchanged: 1 }));
  });

  it('refuses a SNAPSHOT without a known scope', async () => {
    const none = await syncPostings(t, { source: 'hr-s', mode: 'SNAPSHOT', records: [] });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopeUnitCode' });
    const unknown = await syncPostings(t, {
      source: 'hr-s',
      mode: 'SNAPSHOT',
      scopeUnitCode: 'NOPE',
      records: [],
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scopeUnitCode' });
  });

  it('writes nothing but the run when one record of an atomic batch is bad', async () => {
    const a = await makeCadre(t.ds);
    const before = [await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'audit_log')];
    const run = ok(
      await syncPostings(t, {
        source: 'hr-at',
        atomic: true,
        records: [record('AT-1', a.externalId, townA.code), record('AT-2', 'NOBODY', townA.code)],
      }),
    ).syncPostings;
    expect(run.status).toBe('REJECTED');
    expect(run.counts).toEqual(counts({ received: 2, rejected: 2 }));
    expect(nodes(run).map((n) => n.errors[0].code)).toEqual(['BATCH_REJECTED', 'UNKNOWN_CADRE']);
    expect([await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'audit_log')]).toEqual(
      before,
    );
    const good = ok(
      await syncPostings(t, {
        source: 'hr-at',
        atomic: true,
        records: [record('AT-1', a.externalId, townA.code)],
      }),
    ).syncPostings;
    expect(good).toMatchObject({ status: 'COMPLETED', counts: counts({ received: 1, created: 1 }) });
  });

  it('records every change in the audit log with the run id', async () => {
    const a = await makeCadre(t.ds);
    const run = ok(
      await syncPostings(t, { source: 'hr-au', records: [record('AU-1', a.externalId, townA.code)] }),
    ).syncPostings;
    const rows = await t.ds.query(
      `SELECT action, entity, actor_role, after->>'external_id' AS key FROM audit_log WHERE request_id = $1`,
      [`sync:${run.id}`],
    );
    expect(rows).toEqual([{ action: 'INSERT', entity: 'posting', actor_role: 'ADMIN', key: 'AU-1' }]);
  });

  it('reads a run and pages its results, filtered by outcome', async () => {
    const a = await makeCadre(t.ds);
    const token = t.token({ role: Role.HR_SYNC, source: 'hr-p' });
    const records = ['P-1', 'P-2', 'P-3'].map((k, i) =>
      record(k, a.externalId, townA.code, `${2000 + i}-01-01`),
    );
    records[2].cadreExternalId = 'NOBODY';
    records[0] = { ...records[0], endDate: '2000-12-31' } as (typeof records)[0];
    const { id } = ok(await syncPostings(t, { source: 'hr-p', records }, token)).syncPostings;
    const page1 = ok(await t.gql(RUN, { id }, token)).syncRun;
    expect(page1.counts).toEqual(counts({ received: 3, created: 2, rejected: 1 }));
    expect(page1.results.totalCount).toBe(3);
    expect(page1.results.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await t.gql(RUN, { id, after: page1.results.pageInfo.endCursor }, token)).syncRun;
    expect(page2.results.edges.map((e: { node: { index: number } }) => e.node.index)).toEqual([2]);
    const rejected = ok(await t.gql(RUN, { id, outcome: 'REJECTED' })).syncRun;
    expect(rejected.results.totalCount).toBe(1);

    const stranger = t.token({ role: Role.HR_SYNC, source: 'hr-q' });
    expect((await t.gql(RUN, { id }, stranger)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(RUNS, { source: 'hr-p' }, stranger)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const own = ok(await t.gql(RUNS, {}, token)).syncRuns;
    expect(own.totalCount).toBe(1);
    expect(own.edges[0].node).toEqual({ id, source: 'hr-p' });
    const all = ok(await t.gql(RUNS, { first: 2 })).syncRuns;
    expect(all.totalCount).toBeGreaterThan(2);
    const next = ok(await t.gql(RUNS, { first: 2, after: all.pageInfo.endCursor })).syncRuns;
    const ids = [...all.edges, ...next.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("loads a page of runs' results in two statements, however many runs", async () => {
    const query = `{ syncRuns(first: 5) { edges { node { id counts { received }
      results(first: 1, outcome: REJECTED) { totalCount edges { node { index outcome } } } } } } }`;
    t.queries.reset();
    const runs = ok(await t.gql(query)).syncRuns.edges as {
      node: { counts: { received: number }; results: { totalCount: number } };
    }[];
    expect(runs).toHaveLength(5);
    expect(t.queries.queries.filter((q) => q.includes('sync_result'))).toHaveLength(2);
    const rejectedTotals = runs.map((r) => r.node.results.totalCount);
    expect(rejectedTotals.some((n) => n > 0)).toBe(true);
  });
});
