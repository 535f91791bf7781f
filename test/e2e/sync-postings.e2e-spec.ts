import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { counts, nodes, syncPostings } from './sync-fixtures';

describe('syncPostings', () => {
  let t: TestApp;
  let county: { id: string; code: string };
  let township: { id: string; code: string };
  beforeAll(async () => {
    t = await createTestApp();
    county = await makeUnit(t.ds, { level: 'COUNTY' });
    township = await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county.id });
  });
  afterAll(() => t.close());

  const record = (externalId: string, cadreExternalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    cadreExternalId,
    unitCode: township.code,
    title: '乡长',
    level: 'TOWNSHIP_CHIEF',
    startDate: '2015-09-01',
    ...over,
  });

  it('writes the good records and rejects the bad ones with their reasons', async () => {
    const a = await makeCadre(t.ds);
    const b = await makeCadre(t.ds);
    const c = await makeCadre(t.ds);
    await makePosting(t.ds, c.id, county.id, { startDate: '2010-01-01', endDate: null });
    const run = ok(
      await syncPostings(t, {
        source: 'hr-a',
        records: [
          record('M-1', a.externalId),
          record('M-2', 'NOBODY'),
          record('M-3', b.externalId, { unitCode: 'NO-SUCH-UNIT' }),
          record('M-4', b.externalId, { level: 'GRAND_VIZIER' }),
          record('M-5', b.externalId, { startDate: '2020-01-01', endDate: '2019-01-01' }),
          record('M-6', b.externalId, { startDate: '2021-02-30' }),
          record('M-7', c.externalId),
          record('M-8', b.externalId, { startDate: '2001-01-01', endDate: '2002-12-31' }),
          record('M-8', b.externalId, { startDate: '2003-01-01', endDate: '2004-12-31' }),
          record('M-9', b.externalId, { startDate: '2005-01-01', endDate: '2006-12-31' }),
          record('M-10', b.externalId, { startDate: '2006-06-01', endDate: '2007-12-31' }),
          record('M-11', b.externalId, { kind: 'TEMPORARY_ASSIGNMENT', startDate: '2008-01-01' }),
          record('M-12', b.externalId, { kind: 'NAPPING' }),
        ],
      }),
    ).syncPostings;
    expect(run.status).toBe('COMPLETED');
    expect(run.counts).toEqual(counts({ received: 13, created: 2, rejected: 11 }));
    const byIndex = nodes(run).map((n) => [
      n.externalId,
      n.outcome,
      n.errors.map((e) => `${e.field}:${e.code}`),
    ]);
    expect(byIndex).toEqual([
      ['M-1', 'CREATED', []],
      ['M-2', 'REJECTED', ['cadreExternalId:UNKNOWN_CADRE']],
      ['M-3', 'REJECTED', ['unitCode:UNKNOWN_UNIT']],
      ['M-4', 'REJECTED', ['level:UNKNOWN_LEVEL']],
      ['M-5', 'REJECTED', ['endDate:INVALID']],
      ['M-6', 'REJECTED', ['startDate:INVALID']],
      ['M-7', 'REJECTED', ['startDate:OVERLAP']],
      ['M-8', 'REJECTED', ['externalId:DUPLICATE_IN_BATCH']],
      ['M-8', 'REJECTED', ['externalId:DUPLICATE_IN_BATCH']],
      ['M-9', 'REJECTED', ['startDate:OVERLAP']],
      ['M-10', 'REJECTED', ['startDate:OVERLAP']],
      ['M-11', 'CREATED', []],
      ['M-12', 'REJECTED', ['kind:INVALID']],
    ]);
    expect(nodes(run)[1].errors[0].message).toBe('没有人员编号为 NOBODY 的干部。');
    const rows = await t.ds.query(
      `SELECT external_id, kind, end_date FROM posting WHERE source = 'hr-a' ORDER BY external_id`,
    );
    expect(rows).toEqual([
      { external_id: 'M-1', kind: 'REGULAR', end_date: null },
      { external_id: 'M-11', kind: 'TEMPORARY_ASSIGNMENT', end_date: null },
    ]);
  });

  it('updates a changed record and leaves the same record unchanged', async () => {
    const a = await makeCadre(t.ds);
    ok(await syncPostings(t, { source: 'hr-b', records: [record('U-1', a.externalId)] }));
    const changed = record('U-1', a.externalId, { endDate: '2020-08-31', title: '乡党委书记' });
    const run = ok(await syncPostings(t, { source: 'hr-b', records: [changed] })).syncPostings;
    expect(run.counts).toEqual(counts({ received: 1, updated: 1 }));
    const again = ok(await syncPostings(t, { source: 'hr-b', records: [changed] })).syncPostings;
    expect(again.counts).toEqual(counts({ received: 1, unchanged: 1 }));
    const [row] = await t.ds.query(`SELECT title, end_date FROM posting WHERE source = 'hr-b'`);
    expect(row).toEqual({ title: '乡党委书记', end_date: '2020-08-31' });
  });

  it('moves a posting when the new dates no longer overlap its own old row', async () => {
    const a = await makeCadre(t.ds);
    ok(
      await syncPostings(t, {
        source: 'hr-c',
        records: [record('S-1', a.externalId, { startDate: '2010-01-01', endDate: '2014-12-31' })],
      }),
    );
    const run = ok(
      await syncPostings(t, {
        source: 'hr-c',
        records: [
          record('S-1', a.externalId, { startDate: '2010-01-01', endDate: '2011-12-31' }),
          record('S-2', a.externalId, { startDate: '2012-01-01', endDate: null }),
        ],
      }),
    ).syncPostings;
    expect(run.counts).toEqual(counts({ received: 2, created: 1, updated: 1 }));
  });

  it('reports an over-long key as a rejected record, not a failed batch', async () => {
    const a = await makeCadre(t.ds);
    const long = 'L'.repeat(300);
    const run = ok(
      await syncPostings(t, {
        source: 'hr-e',
        records: [record(long, a.externalId), record('E-1', a.externalId)],
      }),
    ).syncPostings;
    expect(nodes(run).map((n) => [n.externalId?.length, n.outcome, n.errors[0]?.field])).toEqual([
      [200, 'REJECTED', 'externalId'],
      [3, 'CREATED', undefined],
    ]);
  });

  it('moves the boundary between two postings, whichever row the database updates first', async () => {
    const people = [
      await makeCadre(t.ds),
      await makeCadre(t.ds),
      await makeCadre(t.ds),
      await makeCadre(t.ds),
    ];
    const before = (c: { externalId: string }, k: string) => [
      record(`${k}-1`, c.externalId, { startDate: '2010-01-01', endDate: '2014-12-31' }),
      record(`${k}-2`, c.externalId, { startDate: '2015-01-01', endDate: null }),
    ];
    const after = (c: { externalId: string }, k: string) => [
      record(`${k}-1`, c.externalId, { startDate: '2010-01-01', endDate: '2012-12-31' }),
      record(`${k}-2`, c.externalId, { startDate: '2013-01-01', endDate: null }),
    ];
    ok(await syncPostings(t, { source: 'hr-m', records: people.flatMap((c, i) => before(c, `B${i}`)) }));
    const run = ok(
      await syncPostings(t, {
        source: 'hr-m',
        records: people.flatMap((c, i) => after(c, `B${i}`)).reverse(),
      }),
    ).syncPostings;
    expect(run.counts).toEqual(counts({ received: 8, updated: 8 }));
  });

  it('writes nothing but the run on a dry run', async () => {
    const a = await makeCadre(t.ds);
    const before = await tableFingerprint(t.ds, 'posting');
    const run = ok(
      await syncPostings(t, { source: 'hr-d', dryRun: true, records: [record('D-1', a.externalId)] }),
    ).syncPostings;
    expect(run.counts).toEqual(counts({ received: 1, created: 1 }));
    expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
  });
});
