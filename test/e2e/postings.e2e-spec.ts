import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

const FIELDS = `id cadreId title level kind startDate endDate source externalId unit { id name level }`;
const RECORD = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePostingInput!) { updatePosting(input: $input) { ${FIELDS} } }`;
const END = `mutation($id: ID!, $endDate: Date!) { endPosting(id: $id, endDate: $endDate) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deletePosting(id: $id) }`;
const CADRE = `query($id: ID!, $asOf: Date) {
  cadre(id: $id) {
    postings { id title kind startDate endDate cadre { id } durationDays(asOf: $asOf) durationYears(asOf: $asOf) }
    currentPostings(asOf: $asOf) { title }
    yearsInCurrentPost(asOf: $asOf)
    grassrootsYears(asOf: $asOf)
  }
}`;
const MISSING = '00000000-0000-4000-8000-000000000000';

function firstError(res: GqlResult) {
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors![0].extensions;
}

describe('postings', () => {
  let t: TestApp;
  let township: string;
  let county: string;
  let city: string;
  beforeAll(async () => {
    t = await createTestApp();
    city = (await makeUnit(t.ds, { level: 'PREFECTURE', name: '云岭市' })).id;
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '雪山县', parentId: city })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', name: '白马乡', parentId: county })).id;
  });
  afterAll(() => t.close());

  const input = (cadreId: string, over: Record<string, unknown> = {}) => ({
    cadreId,
    unitId: township,
    title: '乡长',
    level: 'TOWNSHIP_CHIEF',
    startDate: '2015-09-01',
    ...over,
  });

  /** Runs a request that must fail and asserts the posting and cadre tables are unchanged. */
  async function rejects(query: string, variables: Record<string, unknown>) {
    const before = [await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'cadre')];
    const res = await t.gql(query, variables);
    expect([await tableFingerprint(t.ds, 'posting'), await tableFingerprint(t.ds, 'cadre')]).toEqual(before);
    return firstError(res);
  }

  describe('recordPosting', () => {
    it('records an open regular posting by default', async () => {
      const c = await makeCadre(t.ds);
      const p = ok(await t.gql(RECORD, { input: input(c.id) })).recordPosting;
      expect(p).toMatchObject({
        cadreId: c.id,
        title: '乡长',
        level: 'TOWNSHIP_CHIEF',
        kind: 'REGULAR',
        startDate: '2015-09-01',
        endDate: null,
        source: null,
        externalId: null,
        unit: { id: township, name: '白马乡', level: 'TOWNSHIP' },
      });
    });

    it('accepts a temporary assignment and a secondment overlapping a regular posting', async () => {
      const c = await makeCadre(t.ds);
      ok(await t.gql(RECORD, { input: input(c.id) }));
      const temp = ok(
        await t.gql(RECORD, {
          input: input(c.id, {
            kind: 'TEMPORARY_ASSIGNMENT',
            unitId: county,
            startDate: '2020-01-01',
            endDate: '2021-12-31',
          }),
        }),
      ).recordPosting;
      expect(temp.kind).toBe('TEMPORARY_ASSIGNMENT');
      const sec = ok(
        await t.gql(RECORD, { input: input(c.id, { kind: 'SECONDMENT', startDate: '2021-01-01' }) }),
      ).recordPosting;
      expect(sec.kind).toBe('SECONDMENT');
    });

    it('accepts regular postings that meet end to start', async () => {
      const c = await makeCadre(t.ds);
      ok(await t.gql(RECORD, { input: input(c.id, { startDate: '2011-07-01', endDate: '2015-08-31' }) }));
      ok(await t.gql(RECORD, { input: input(c.id, { startDate: '2015-09-01' }) }));
    });

    it('rejects an overlapping regular posting with CONFLICT', async () => {
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, township, { startDate: '2011-07-01', endDate: '2015-08-31' });
      expect(await rejects(RECORD, { input: input(c.id, { startDate: '2015-08-31' }) })).toMatchObject({
        code: 'CONFLICT',
        field: 'startDate',
      });
      // An open posting before overlaps everything after it.
      const d = await makeCadre(t.ds);
      await makePosting(t.ds, d.id, township, { startDate: '2020-01-01' });
      expect(
        await rejects(RECORD, { input: input(d.id, { startDate: '2010-01-01', endDate: '2020-01-01' }) }),
      ).toMatchObject({ code: 'CONFLICT', field: 'startDate' });
    });

    it.each<[string, (cadreId: string) => Record<string, unknown>, string, string]>([
      ['end before start', (id) => input(id, { endDate: '2015-08-31' }), 'BAD_USER_INPUT', 'endDate'],
      ['an unknown cadre', () => input(MISSING), 'NOT_FOUND', 'cadreId'],
      ['an unknown unit', (id) => input(id, { unitId: MISSING }), 'NOT_FOUND', 'unitId'],
      ['an unknown level code', (id) => input(id, { level: 'TOWNSHIP_KING' }), 'BAD_USER_INPUT', 'level'],
      ['a malformed level code', (id) => input(id, { level: 'township chief' }), 'BAD_USER_INPUT', 'level'],
      ['an over-long level code', (id) => input(id, { level: 'A'.repeat(33) }), 'BAD_USER_INPUT', 'level'],
      ['an over-long title', (id) => input(id, { title: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'title'],
      ['a blank title', (id) => input(id, { title: '  ' }), 'BAD_USER_INPUT', 'title'],
      ['a malformed cadre id', (id) => input(id, { cadreId: 'abc' }), 'BAD_USER_INPUT', 'cadreId'],
      ['a malformed unit id', (id) => input(id, { unitId: 'abc' }), 'BAD_USER_INPUT', 'unitId'],
      [
        'an over-long source',
        (id) => input(id, { source: 'x'.repeat(65), externalId: '1' }),
        'BAD_USER_INPUT',
        'source',
      ],
      [
        'an over-long external id',
        (id) => input(id, { source: 'HR', externalId: 'x'.repeat(129) }),
        'BAD_USER_INPUT',
        'externalId',
      ],
      [
        'an external id without a source',
        (id) => input(id, { externalId: 'E1' }),
        'BAD_USER_INPUT',
        'source',
      ],
      [
        'a start date out of range',
        (id) => input(id, { startDate: '1900-01-01' }),
        'BAD_USER_INPUT',
        'startDate',
      ],
    ])('rejects %s and writes nothing', async (_name, make, code, field) => {
      const c = await makeCadre(t.ds);
      expect(await rejects(RECORD, { input: make(c.id) })).toMatchObject({ code, field });
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown kind', { kind: 'LOAN' }],
      ['an impossible date', { startDate: '2015-02-29' }],
    ])('rejects %s at the schema and writes nothing', async (_name, over) => {
      const c = await makeCadre(t.ds);
      expect((await rejects(RECORD, { input: input(c.id, over) })).code).toBe('BAD_USER_INPUT');
    });

    it('rejects a duplicate source and external id with CONFLICT on externalId', async () => {
      const c = await makeCadre(t.ds);
      const first = input(c.id, { source: 'HR', externalId: 'P-1', endDate: '2016-12-31' });
      ok(await t.gql(RECORD, { input: first }));
      expect(
        await rejects(RECORD, {
          input: { ...first, kind: 'SECONDMENT', startDate: '2018-01-01', endDate: null },
        }),
      ).toMatchObject({ code: 'CONFLICT', field: 'externalId' });
    });
  });

  describe('updatePosting', () => {
    it('changes only the fields given', async () => {
      const c = await makeCadre(t.ds);
      const p = ok(await t.gql(RECORD, { input: input(c.id) })).recordPosting;
      const u = ok(
        await t.gql(UPDATE, {
          input: { id: p.id, title: '乡党委书记', unitId: county, level: 'TOWNSHIP_DEPUTY' },
        }),
      ).updatePosting;
      expect(u).toEqual({
        ...p,
        title: '乡党委书记',
        level: 'TOWNSHIP_DEPUTY',
        unit: { id: county, name: '雪山县', level: 'COUNTY' },
      });
    });

    it('may reopen a posting by clearing its end date', async () => {
      const c = await makeCadre(t.ds);
      const p = ok(await t.gql(RECORD, { input: input(c.id, { endDate: '2020-01-01' }) })).recordPosting;
      expect(
        ok(await t.gql(UPDATE, { input: { id: p.id, endDate: null } })).updatePosting.endDate,
      ).toBeNull();
    });

    it('does not count a posting as overlapping itself', async () => {
      const c = await makeCadre(t.ds);
      const p = ok(await t.gql(RECORD, { input: input(c.id) })).recordPosting;
      const u = ok(await t.gql(UPDATE, { input: { id: p.id, startDate: '2015-01-01' } })).updatePosting;
      expect(u.startDate).toBe('2015-01-01');
    });

    it('rejects turning a secondment into an overlapping regular posting', async () => {
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, township, { startDate: '2015-01-01' });
      const sec = await makePosting(t.ds, c.id, county, { kind: 'SECONDMENT', startDate: '2020-01-01' });
      expect(await rejects(UPDATE, { input: { id: sec.id, kind: 'REGULAR' } })).toMatchObject({
        code: 'CONFLICT',
        field: 'startDate',
      });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a start after the end', { startDate: '2021-01-01' }, 'BAD_USER_INPUT', 'endDate'],
      ['an unknown unit', { unitId: MISSING }, 'NOT_FOUND', 'unitId'],
      ['an unknown level code', { level: 'NOPE' }, 'BAD_USER_INPUT', 'level'],
      ['clearing the title', { title: null }, 'BAD_USER_INPUT', 'title'],
      ['an over-long title', { title: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'title'],
    ])('rejects %s and writes nothing', async (_name, over, code, field) => {
      const c = await makeCadre(t.ds);
      const p = await makePosting(t.ds, c.id, township, { startDate: '2015-01-01', endDate: '2020-12-31' });
      expect(await rejects(UPDATE, { input: { id: p.id, ...over } })).toMatchObject({ code, field });
    });

    it('answers NOT_FOUND for a missing posting and BAD_USER_INPUT for a malformed id', async () => {
      expect(await rejects(UPDATE, { input: { id: MISSING, title: 'x' } })).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(await rejects(UPDATE, { input: { id: 'x', title: 'x' } })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
    });
  });

  describe('endPosting', () => {
    it('ends an open posting, on its start day at the earliest', async () => {
      const c = await makeCadre(t.ds);
      const p = await makePosting(t.ds, c.id, township, { startDate: '2015-09-01' });
      expect(ok(await t.gql(END, { id: p.id, endDate: '2015-09-01' })).endPosting.endDate).toBe('2015-09-01');
    });

    it('rejects an end before the start, an ended posting, and a missing or malformed id', async () => {
      const c = await makeCadre(t.ds);
      const open = await makePosting(t.ds, c.id, township, { startDate: '2015-09-01' });
      expect(await rejects(END, { id: open.id, endDate: '2015-08-31' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endDate',
      });
      const ended = await makePosting(t.ds, c.id, county, {
        kind: 'SECONDMENT',
        startDate: '2016-01-01',
        endDate: '2016-12-31',
      });
      expect(await rejects(END, { id: ended.id, endDate: '2017-01-01' })).toMatchObject({
        code: 'CONFLICT',
        field: 'endDate',
      });
      expect(await rejects(END, { id: MISSING, endDate: '2017-01-01' })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await rejects(END, { id: 'x', endDate: '2017-01-01' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
      expect((await rejects(END, { id: open.id, endDate: '2017-1-1' })).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('deletePosting', () => {
    it('deletes a posting and returns its id', async () => {
      const c = await makeCadre(t.ds);
      const p = await makePosting(t.ds, c.id, township);
      expect(ok(await t.gql(DELETE, { id: p.id })).deletePosting).toBe(p.id);
      expect(await t.ds.query('SELECT 1 FROM posting WHERE id = $1', [p.id])).toEqual([]);
    });

    it('answers NOT_FOUND for a missing id and BAD_USER_INPUT for a malformed one', async () => {
      expect(await rejects(DELETE, { id: MISSING })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(await rejects(DELETE, { id: '1' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });

  describe('durations over GraphQL', () => {
    it('township head: 10 years in post exactly on the anniversary, just under the day before', async () => {
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, township, {
        title: '副乡长',
        level: 'TOWNSHIP_DEPUTY',
        startDate: '2011-07-01',
        endDate: '2015-08-31',
      });
      await makePosting(t.ds, c.id, township, {
        title: '乡长',
        level: 'TOWNSHIP_CHIEF',
        startDate: '2015-09-01',
      });
      const on = ok(await t.gql(CADRE, { id: c.id, asOf: '2025-09-01' })).cadre;
      expect(on.yearsInCurrentPost).toBe(10);
      expect(on.currentPostings).toEqual([{ title: '乡长' }]);
      expect(on.postings.map((p: { title: string }) => p.title)).toEqual(['副乡长', '乡长']);
      expect(on.postings[0]).toMatchObject({ durationDays: 1523, cadre: { id: c.id } });
      expect(on.postings[0].durationYears).toBeCloseTo(4 + 62 / 366, 10);
      expect(on.postings[1]).toMatchObject({ durationDays: 3653, durationYears: 10 });
      // 2011-07-01 to 2025-09-01, all at township level, continuous.
      expect(on.grassrootsYears).toBeCloseTo(5176 / 365.25, 10);
      const before = ok(await t.gql(CADRE, { id: c.id, asOf: '2025-08-31' })).cadre;
      expect(before.yearsInCurrentPost).toBeLessThan(10);
      expect(before.yearsInCurrentPost).toBeCloseTo(9 + 364 / 365, 10);
    });

    it('leap-day start and asOf before start', async () => {
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, county, { startDate: '2016-02-29' });
      const r = ok(await t.gql(CADRE, { id: c.id, asOf: '2017-02-28' })).cadre;
      expect(r.yearsInCurrentPost).toBe(1);
      expect(r.postings[0].durationDays).toBe(365);
      const early = ok(await t.gql(CADRE, { id: c.id, asOf: '2016-01-01' })).cadre;
      expect(early).toMatchObject({ yearsInCurrentPost: null, currentPostings: [], grassrootsYears: 0 });
      expect(early.postings[0]).toMatchObject({ durationDays: 0, durationYears: 0 });
    });

    it('grassroots years count overlaps once, skip gaps and units above county', async () => {
      const c = await makeCadre(t.ds);
      // City 2010–2011 (not grassroots), township 2012–2015, a county secondment inside it, a gap, county since 2018.
      await makePosting(t.ds, c.id, city, { startDate: '2010-01-01', endDate: '2011-12-31' });
      await makePosting(t.ds, c.id, township, { startDate: '2012-01-01', endDate: '2015-12-31' });
      await makePosting(t.ds, c.id, county, {
        kind: 'SECONDMENT',
        startDate: '2014-01-01',
        endDate: '2016-06-30',
      });
      await makePosting(t.ds, c.id, county, { startDate: '2018-01-01' });
      const r = ok(await t.gql(CADRE, { id: c.id, asOf: '2020-01-01' })).cadre;
      // 2012-01-01..2016-06-30 is 1643 days; 2018-01-01..2019-12-31 is 730.
      expect(r.grassrootsYears).toBeCloseTo((1643 + 730) / 365.25, 10);
      expect(r.yearsInCurrentPost).toBe(2);
      expect(r.currentPostings).toHaveLength(1);
    });

    it('a temporary assignment is a current posting but not the current post', async () => {
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, county, {
        title: '挂职副县长',
        kind: 'TEMPORARY_ASSIGNMENT',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      });
      const r = ok(await t.gql(CADRE, { id: c.id, asOf: '2026-11-27' })).cadre;
      expect(r.currentPostings).toEqual([{ title: '挂职副县长' }]);
      expect(r.yearsInCurrentPost).toBeNull();
    });
  });
});
