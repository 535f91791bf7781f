import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { FLAGGED, FlagOut, makeAchievement } from './flags-helpers';

const AS_OF = '2026-11-27';
const LIMITS = ['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'];

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { cadre: { id: string; name: string }; flags: FlagOut[] } }[];
}

describe('flaggedCadres', () => {
  let t: TestApp;
  let root: string;
  let townA: string;
  let townB: string;
  let elsewhere: string;
  const ids: Record<string, string> = {};

  async function posted(name: string, unitId: string, startDate: string, level = 'TOWNSHIP_CHIEF') {
    const { id } = await makeCadre(t.ds, { name });
    await makePosting(t.ds, id, unitId, { level, startDate });
    ids[name] = id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    root = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    townA = (await makeUnit(t.ds, { parentId: root })).id;
    townB = (await makeUnit(t.ds, { parentId: root })).id;
    elsewhere = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    await posted('c1', townA, '2014-01-01'); // exceeded 2024-01-01: 1061 days over
    await posted('c2', townB, '2015-06-01'); // exceeded 2025-06-01: 544 days over
    await posted('c3', townA, '2016-11-27'); // exceeded today: 0 days over
    await posted('c6', townA, '2016-11-27'); // the same: ordered by id
    await posted('c4', townA, '2017-03-01'); // approaching 2027-03-01
    await posted('c5', elsewhere, '2010-01-01'); // exceeded, outside the subtree
    await posted('c7', townA, '2024-01-01'); // not near any limit
    await makeAchievement(t.ds, ids.c7, { domain: 'TRANSPORT', recognitionLevel: 'PROVINCE' });
    await makeAchievement(t.ds, ids.c1, { domain: 'EDUCATION', recognitionLevel: 'PROVINCE' });
  });
  afterAll(() => t.close());

  const page = async (filter: Record<string, unknown>, first?: number, after?: string, token?: string) =>
    ok(await t.gql<{ flaggedCadres: Page }>(FLAGGED, { filter, first, after }, token)).flaggedCadres;
  const names = (p: Page) => p.edges.map((e) => e.node.cadre.name);
  const tied = () => (ids.c3 < ids.c6 ? ['c3', 'c6'] : ['c6', 'c3']);

  it('orders by worst severity, then days past the limit, then id, within the subtree', async () => {
    const p = await page({ codes: LIMITS, unitId: root, asOf: AS_OF });
    expect(names(p)).toEqual(['c1', 'c2', ...tied(), 'c4']);
    expect(p.totalCount).toBe(5);
    expect(p.pageInfo.hasNextPage).toBe(false);
    const c1 = p.edges[0].node.flags;
    // One township post since 2014: the same post, the same level in the township's leadership and two terms (#16).
    expect(c1.map((f) => [f.code, f.ruleId, f.overBy])).toEqual([
      ['POSTING_LIMIT_EXCEEDED', 'LEVEL_LIMIT_SAME_AREA', 1061],
      ['POSTING_LIMIT_EXCEEDED', 'POST_LIMIT_SAME_POST', 1061],
      ['POSTING_LIMIT_EXCEEDED', 'TERM_LIMIT', 1061],
    ]);
    expect(p.edges[4].node.flags[0]).toMatchObject({
      code: 'POSTING_LIMIT_APPROACHING',
      severity: 'WARNING',
    });
  });

  it('keeps to a smaller subtree', async () => {
    const p = await page({ codes: LIMITS, unitId: townA, asOf: AS_OF });
    expect(names(p)).toEqual(['c1', ...tied(), 'c4']);
  });

  it('pages with keyset cursors and a stable totalCount', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page({ codes: ['POSTING_LIMIT_EXCEEDED'], unitId: root, asOf: AS_OF }, 2, after);
      expect(p.totalCount).toBe(4);
      seen.push(...names(p));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(['c1', 'c2', ...tied()]);
  });

  it('evaluates asOf: a year earlier c3 and c6 were only approaching', async () => {
    const p = await page({ codes: ['POSTING_LIMIT_APPROACHING'], unitId: townA, asOf: '2026-06-01' });
    expect(names(p)).toEqual(tied());
  });

  it('limits SPECIALIST_STRENGTH to a domain', async () => {
    const transport = await page({
      codes: ['SPECIALIST_STRENGTH'],
      domain: 'TRANSPORT',
      unitId: root,
      asOf: AS_OF,
    });
    expect(names(transport)).toEqual(['c7']);
    expect(transport.edges[0].node.flags[0].facts).toMatchObject({
      domain: 'TRANSPORT',
      criteria: ['RECOGNITION'],
    });
    const tourism = await page({ codes: ['SPECIALIST_STRENGTH'], domain: 'CULTURAL_TOURISM', asOf: AS_OF });
    expect(tourism).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('lists every code when none is given, worst flag first on each node', async () => {
    const p = await page({ unitId: townA, asOf: AS_OF }, 100);
    expect(names(p).slice(0, 3)).toEqual(['c1', ...tied()]);
    expect(names(p)).toContain('c7');
    const c1 = p.edges[0].node.flags;
    // A township post past its limit "should rotate": a WARNING (CRITICAL binds county level and above).
    expect(c1).toContainEqual(
      expect.objectContaining({ code: 'POSTING_LIMIT_EXCEEDED', severity: 'WARNING' }),
    );
    const rank = { CRITICAL: 3, WARNING: 2, INFO: 1 } as Record<string, number>;
    const ranks = c1.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(c1.map((f) => f.code)).toEqual(
      expect.arrayContaining(['INDUCTION_TRAINING_DUE', 'TRAINING_SHORTFALL']),
    );
  });

  describe('allOf and anyOf', () => {
    const all = async (filter: Record<string, unknown>) => {
      const p = await page({ unitId: root, asOf: AS_OF, ...filter }, 100);
      expect(p.totalCount).toBe(p.edges.length);
      return p;
    };
    // the codes each row shows (one POSTING_LIMIT_EXCEEDED per limit passed: same post, same area, terms)
    const codesOf = (p: Page) => p.edges.map((e) => [...new Set(e.node.flags.map((f) => f.code))].sort());

    it('allOf keeps the cadres holding every code, and shows those codes only', async () => {
      const p = await all({ allOf: ['POSTING_LIMIT_EXCEEDED', 'SPECIALIST_STRENGTH'] });
      expect(names(p)).toEqual(['c1']);
      expect(codesOf(p)).toEqual([['POSTING_LIMIT_EXCEEDED', 'SPECIALIST_STRENGTH']]);
      expect((await all({ allOf: ['POSTING_LIMIT_APPROACHING', 'SPECIALIST_STRENGTH'] })).totalCount).toBe(0);
    });

    it('anyOf keeps a cadre holding one of the codes; codes is its old name', async () => {
      const anyOf = ['POSTING_LIMIT_APPROACHING', 'SPECIALIST_STRENGTH'];
      const p = await all({ anyOf });
      expect(names(p).sort()).toEqual(['c1', 'c4', 'c7']);
      expect(names(await all({ codes: anyOf }))).toEqual(names(p));
    });

    it('allOf with anyOf: both hold', async () => {
      const p = await all({
        allOf: ['POSTING_LIMIT_EXCEEDED'],
        anyOf: ['SPECIALIST_STRENGTH', 'POSTING_LIMIT_APPROACHING'],
      });
      expect(names(p)).toEqual(['c1']);
      expect(codesOf(p)).toEqual([['POSTING_LIMIT_EXCEEDED', 'SPECIALIST_STRENGTH']]);
    });

    it('allOf with PROMOTION_ELIGIBLE evaluates only the cadres holding the others: none here', async () => {
      const p = await all({ allOf: ['POSTING_LIMIT_EXCEEDED', 'PROMOTION_ELIGIBLE'] });
      expect(p).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('gives the exact totalCount on every page, the empty one after the last too', async () => {
      const filter = {
        allOf: ['POSTING_LIMIT_EXCEEDED'],
        anyOf: ['INDUCTION_TRAINING_DUE', 'SPECIALIST_STRENGTH'],
      };
      const full = await all(filter);
      expect(full.totalCount).toBeGreaterThan(1);
      let after: string | undefined;
      const seen: string[] = [];
      for (;;) {
        const p = await page({ unitId: root, asOf: AS_OF, ...filter }, 1, after);
        expect(p.totalCount).toBe(full.totalCount);
        seen.push(...names(p));
        if (!p.pageInfo.hasNextPage) {
          const beyond = await page({ unitId: root, asOf: AS_OF, ...filter }, 1, p.pageInfo.endCursor!);
          expect(beyond).toMatchObject({ totalCount: full.totalCount, edges: [] });
          break;
        }
        after = p.pageInfo.endCursor ?? undefined;
      }
      expect(seen).toEqual(names(full));
    });

    it('refuses codes and anyOf together', async () => {
      const res = await t.gql(FLAGGED, {
        filter: { codes: ['SPECIALIST_STRENGTH'], anyOf: ['POSTING_LIMIT_EXCEEDED'] },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.anyOf' });
    });
  });

  it('keeps a department to its jurisdiction', async () => {
    const dept = t.token({ role: Role.ORG_DEPT, unitId: elsewhere });
    expect(names(await page({ codes: LIMITS, asOf: AS_OF }, 10, undefined, dept))).toEqual(['c5']);
    const res = await t.gql(FLAGGED, { filter: { unitId: root, asOf: AS_OF } }, dept);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown domain', { filter: { domain: 'ASTROLOGY' } }, 'BAD_USER_INPUT', 'filter.domain'],
    [
      'an unknown unit',
      { filter: { unitId: '00000000-0000-4000-8000-000000000000' } },
      'NOT_FOUND',
      'filter.unitId',
    ],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT', 'after'],
    ['a page too large', { first: 1000 }, 'BAD_USER_INPUT', 'first'],
  ])('rejects %s', async (_name, vars, code, field) => {
    const res = await t.gql(FLAGGED, vars);
    expect(res.errors?.[0].extensions).toMatchObject({ code, field });
  });

  it('batches Cadre.flags: one evaluation for a whole list of cadres', async () => {
    const q = `query($u: ID, $asOf: Date) { cadres(filter: { unitId: $u, asOf: $asOf }, first: 50) {
      edges { node { name flags(asOf: $asOf) { code } } } } }`;
    t.queries.reset();
    const res = ok(await t.gql(q, { u: townA, asOf: AS_OF }));
    const evaluations = t.queries.queries.filter((s) => s.includes('flags AS ('));
    expect(evaluations).toHaveLength(1);
    const byName = Object.fromEntries(
      res.cadres.edges.map((e: { node: { name: string; flags: { code: string }[] } }) => [
        e.node.name,
        e.node.flags,
      ]),
    );
    expect(byName.c1.map((f: { code: string }) => f.code)).toContain('POSTING_LIMIT_EXCEEDED');
    expect(byName.c4.map((f: { code: string }) => f.code)).toContain('POSTING_LIMIT_APPROACHING');
  });
});
