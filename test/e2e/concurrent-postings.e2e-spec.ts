import request from 'supertest';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { flagsOf } from './flags-helpers';
import { counts, nodes, syncPostings } from './sync-fixtures';

const RECORD = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { id kind } }`;
const PATHWAY = `query($id: ID!, $asOf: Date) { cadre(id: $id) { pathway(asOf: $asOf) {
  currentLevel requirements { code met current } } } }`;
const AS_OF = '2026-11-27';

/**
 * Concurrent posts (兼任, issue 16): a township Party secretary who also chairs the township people's congress.
 * A CONCURRENT posting may overlap the REGULAR one; it counts as a post held (grassroots time counts any kind of
 * posting already), not toward
 * the same-post clock of the regular post; it is shown in the appointment form; syncPostings accepts it.
 */
describe('concurrent postings (兼任)', () => {
  let t: TestApp;
  let county: { id: string; code: string };
  let party: { id: string; code: string };
  let congress: { id: string; code: string };
  beforeAll(async () => {
    t = await createTestApp();
    county = await makeUnit(t.ds, { level: 'COUNTY', name: '禾溪县人民政府' });
    party = await makeUnit(t.ds, { kind: 'PARTY_COMMITTEE', name: '中共桃源乡委员会', parentId: county.id });
    congress = await makeUnit(t.ds, {
      kind: 'PEOPLES_CONGRESS',
      name: '桃源乡人民代表大会',
      parentId: county.id,
    });
  });
  afterAll(() => t.close());

  const input = (cadreId: string, over: Record<string, unknown>) => ({
    cadreId,
    unitId: party.id,
    title: '党委书记',
    level: 'TOWNSHIP_CHIEF',
    startDate: '2012-01-01',
    ...over,
  });

  it('records a concurrent post beside the regular one; the same concurrent post twice, or two regular ones, conflict', async () => {
    const c = await makeCadre(t.ds);
    ok(await t.gql(RECORD, { input: input(c.id, {}) }));
    const concurrent = ok(
      await t.gql(RECORD, {
        input: input(c.id, {
          unitId: congress.id,
          title: '人大主席',
          kind: 'CONCURRENT',
          startDate: '2013-01-01',
        }),
      }),
    ).recordPosting;
    expect(concurrent.kind).toBe('CONCURRENT');

    const before = await tableFingerprint(t.ds, 'posting');
    const twice = await t.gql(RECORD, {
      input: input(c.id, {
        unitId: congress.id,
        title: '人大主席',
        kind: 'CONCURRENT',
        startDate: '2020-01-01',
      }),
    });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'startDate' });
    expect(twice.errors?.[0].message).toBe('该干部在此期间已兼任同一职务（单位和层次相同）。');
    const regular = await t.gql(RECORD, {
      input: input(c.id, { unitId: congress.id, startDate: '2020-01-01' }),
    });
    expect(regular.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'startDate' });
    expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);

    // Another concurrent post (another unit or level) is fine, and so is the same one after the first ends.
    ok(
      await t.gql(RECORD, {
        input: input(c.id, {
          unitId: county.id,
          title: '县委委员',
          kind: 'CONCURRENT',
          startDate: '2020-01-01',
        }),
      }),
    );
  });

  it('does not count toward the same-post clock of the regular post, nor break it', async () => {
    const c = await makeCadre(t.ds);
    await makePosting(t.ds, c.id, party.id, { level: 'TOWNSHIP_CHIEF', startDate: '2010-01-01' });
    await makePosting(t.ds, c.id, congress.id, {
      level: 'TOWNSHIP_CHIEF',
      kind: 'CONCURRENT',
      startDate: '2009-01-01',
      endDate: '2016-12-31',
    });
    const limits = (await flagsOf(t, c.id, AS_OF)).filter((f) => f.ruleId === 'POST_LIMIT_SAME_POST');
    expect(limits).toEqual([
      expect.objectContaining({
        code: 'POSTING_LIMIT_EXCEEDED',
        facts: expect.objectContaining({ since: '2010-01-01' }),
      }),
    ]);
    const [run] = await t.ds.query(`SELECT count(*)::int AS n FROM posting_run WHERE cadre_id = $1`, [c.id]);
    expect(run.n).toBe(1);
  });

  it('counts as a second post in the band below for promotion', async () => {
    const pathway = async (id: string) =>
      ok(
        await t.gql<{
          cadre: { pathway: { requirements: { code: string; met: boolean; current: unknown }[] } };
        }>(PATHWAY, { id, asOf: AS_OF }),
      ).cadre.pathway.requirements;
    const alone = await makeCadre(t.ds, { workStartDate: '2008-01-01' });
    await makePosting(t.ds, alone.id, party.id, { level: 'TOWNSHIP_CHIEF', startDate: '2015-01-01' });
    expect((await pathway(alone.id)).find((r) => r.code === 'PROMO_TWO_POSTS')).toMatchObject({
      met: false,
      current: 1,
    });

    const both = await makeCadre(t.ds, { workStartDate: '2008-01-01' });
    await makePosting(t.ds, both.id, party.id, { level: 'TOWNSHIP_CHIEF', startDate: '2015-01-01' });
    await makePosting(t.ds, both.id, congress.id, {
      level: 'TOWNSHIP_CHIEF',
      kind: 'CONCURRENT',
      startDate: '2016-01-01',
    });
    const reqs = await pathway(both.id);
    expect(reqs.find((r) => r.code === 'PROMO_TWO_POSTS')).toMatchObject({ met: true, current: 2 });
  });

  it('is marked 兼任 in the appointment form, as a current post and in the résumé', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2008-01-01' });
    await makePosting(t.ds, c.id, party.id, {
      title: '党委书记',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2015-01-01',
    });
    await makePosting(t.ds, c.id, congress.id, {
      title: '人大主席',
      level: 'TOWNSHIP_CHIEF',
      kind: 'CONCURRENT',
      startDate: '2016-01-01',
    });
    const res = await request(t.app.getHttpServer())
      .get(`/export/cadres/${c.id}/appointment-form.html?asOf=${AS_OF}`)
      .set('authorization', `Bearer ${t.adminToken}`);
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('人大主席（兼任）');
    expect(html.match(/人大主席（兼任）/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('syncPostings accepts a concurrent post and rejects the same concurrent post twice, and overlapping regular ones', async () => {
    const a = await makeCadre(t.ds);
    const record = (externalId: string, over: Record<string, unknown>) => ({
      externalId,
      cadreExternalId: a.externalId,
      unitCode: party.code,
      title: '党委书记',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2015-09-01',
      ...over,
    });
    const sync = async (records: unknown[]) =>
      ok(await syncPostings(t, { source: 'hr-concurrent', records })).syncPostings;
    const outcome = (run: Awaited<ReturnType<typeof sync>>) =>
      nodes(run).map((n) => [n.externalId, n.outcome, n.errors.map((e) => `${e.field}:${e.code}`)]);
    const first = await sync([
      record('K-1', {}),
      record('K-2', {
        unitCode: congress.code,
        title: '人大主席',
        kind: 'CONCURRENT',
        startDate: '2016-01-01',
      }),
    ]);
    expect(outcome(first)).toEqual([
      ['K-1', 'CREATED', []],
      ['K-2', 'CREATED', []],
    ]);
    const second = await sync([
      record('K-3', {
        unitCode: congress.code,
        title: '人大主席',
        kind: 'CONCURRENT',
        startDate: '2018-01-01',
      }),
      record('K-4', { unitCode: county.code, startDate: '2019-01-01' }),
      record('K-5', {
        unitCode: county.code,
        title: '县委委员',
        kind: 'CONCURRENT',
        startDate: '2019-01-01',
      }),
    ]);
    expect(second.counts).toEqual(counts({ received: 3, created: 1, rejected: 2 }));
    expect(outcome(second)).toEqual([
      ['K-3', 'REJECTED', ['startDate:OVERLAP']],
      ['K-4', 'REJECTED', ['startDate:OVERLAP']],
      ['K-5', 'CREATED', []],
    ]);
    expect(nodes(second)[0].errors[0].message).toMatch(/重叠/);
  });
});
