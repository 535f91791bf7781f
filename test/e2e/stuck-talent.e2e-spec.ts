import { Role } from '../../src/auth/caller';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';

const AS_OF = '2026-11-27';
const STUCK = ['POSTING_LIMIT_EXCEEDED', 'PROMOTION_ELIGIBLE'];

const REPORT = `query($u: ID, $asOf: Date) {
  stuckTalent(unitId: $u, asOf: $asOf) {
    unitId dates total { count countOneYearEarlier countTwoYearsEarlier }
    units { unitId own count countOneYearEarlier countTwoYearsEarlier unit { id name parentId } }
  } }`;

interface Counts {
  count: number;
  countOneYearEarlier: number;
  countTwoYearsEarlier: number;
}
interface Report {
  unitId: string | null;
  dates: string[];
  total: Counts;
  units: (Counts & { unitId: string; own: boolean; unit: { id: string; name: string; parentId: string } })[];
}

/** The DOMAIN.md case 2 (DEMO-002, past the limit since 2025-09-01 and ready for COUNTY_DEPUTY) and the demo seed. */
describe('stuckTalent', () => {
  let t: TestApp;
  let demo2: { id: string; county: string; township: string; prefecture: string };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    [demo2] = await t.ds.query(
      `SELECT c.id, u.id AS township, u.parent_id AS county, cu.parent_id AS prefecture
         FROM cadre c JOIN posting p ON p.cadre_id = c.id AND p.period @> $1::date
         JOIN unit u ON u.id = p.unit_id JOIN unit cu ON cu.id = u.parent_id
        WHERE c.external_id = 'DEMO-002'`,
      [AS_OF],
    );
  });
  afterAll(() => t.close());

  const report = async (unitId: string | null, token?: string) =>
    ok(await t.gql<{ stuckTalent: Report }>(REPORT, { u: unitId, asOf: AS_OF }, token)).stuckTalent;
  const flaggedTotal = async (unitId: string | null, asOf: string) =>
    ok(
      await t.gql<{ flaggedCadres: { totalCount: number } }>(
        `query($f: FlaggedCadresFilter) { flaggedCadres(filter: $f, first: 1) { totalCount } }`,
        { f: { allOf: STUCK, unitId, asOf } },
      ),
    ).flaggedCadres.totalCount;

  it('counts the township head in his county, now and a year earlier, not two years earlier', async () => {
    const r = await report(demo2.county);
    expect(r.dates).toEqual([AS_OF, '2025-11-27', '2024-11-27']);
    const row = r.units.find((u) => u.unitId === demo2.township)!;
    expect(row).toMatchObject({ own: false, unit: { parentId: demo2.county } });
    expect(row.count).toBeGreaterThanOrEqual(1);
    expect(row.countOneYearEarlier).toBeGreaterThanOrEqual(1);
    const only = ok(
      await t.gql<any>(
        `query($u: ID, $asOf: Date, $row: ID) { stuckTalent(unitId: $u, asOf: $asOf) {
           units(unitId: $row) { unitId count
             cadres(first: 100) { totalCount edges { node { cadre { externalId } flags { code } } } } } } }`,
        { u: demo2.county, asOf: AS_OF, row: demo2.township },
      ),
    ).stuckTalent.units;
    expect(only.map((u: any) => [u.unitId, u.count])).toEqual([[demo2.township, row.count]]);
    const names = only[0].cadres;
    expect(names.totalCount).toBe(row.count);
    expect(names.edges.map((e: any) => e.node.cadre.externalId)).toContain('DEMO-002');
    // one POSTING_LIMIT_EXCEEDED per limit passed (same post, same area, terms)
    for (const e of names.edges)
      expect([...new Set(e.node.flags.map((f: any) => f.code))].sort()).toEqual(STUCK);
    // Two years earlier (2024-11-27) he was not yet ten years in the post.
    const before = ok(
      await t.gql<any>(
        `query($f: FlaggedCadresFilter) { flaggedCadres(filter: $f, first: 100) { edges { node { cadreId } } } }`,
        { f: { allOf: STUCK, unitId: demo2.township, asOf: r.dates[2] } },
      ),
    ).flaggedCadres.edges.map((e: any) => e.node.cadreId);
    expect(before).not.toContain(demo2.id);
    expect(row.countTwoYearsEarlier).toBe(before.length);
  });

  it('agrees with flaggedCadres(allOf) for each unit and date, and lists every unit beneath with zeros', async () => {
    const r = await report(demo2.prefecture);
    expect(r.unitId).toBe(demo2.prefecture);
    const children: { id: string }[] = await t.ds.query(`SELECT id FROM unit WHERE parent_id = $1`, [
      demo2.prefecture,
    ]);
    const rows = r.units.filter((u) => !u.own);
    expect(rows.map((u) => u.unitId).sort()).toEqual(children.map((c) => c.id).sort());
    for (const [k, d] of r.dates.entries()) {
      const key = (['count', 'countOneYearEarlier', 'countTwoYearsEarlier'] as const)[k];
      expect(r.total[key]).toBe(await flaggedTotal(demo2.prefecture, d));
      for (const u of rows.filter((x) => x.count + x.countOneYearEarlier + x.countTwoYearsEarlier > 0)) {
        expect([u.unitId, d, u[key]]).toEqual([u.unitId, d, await flaggedTotal(u.unitId, d)]);
      }
    }
    expect(r.total.count).toBeGreaterThan(0);
    const counts = r.units.map((u) => u.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('reports the whole province for an administrator without a unit', async () => {
    const r = await report(null);
    expect(r.unitId).toBeNull();
    expect(r.total.count).toBe(await flaggedTotal(null, AS_OF));
  });

  it('pages flaggedCadres(allOf) with cursors in order: worst severity, most days past, id', async () => {
    const LIST = `query($f: FlaggedCadresFilter, $first: Int, $after: String) {
      flaggedCadres(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { cadreId flags { severity overBy } } } } }`;
    const f = { allOf: STUCK, asOf: AS_OF };
    const whole = ok(await t.gql<any>(LIST, { f, first: 100 })).flaggedCadres;
    expect(whole.totalCount).toBeGreaterThan(2);
    const rank = { INFO: 1, WARNING: 2, CRITICAL: 3 } as Record<string, number>;
    const key = (n: any) => ({
      worst: Math.max(...n.flags.map((x: any) => rank[x.severity])),
      over: Math.max(...n.flags.map((x: any) => x.overBy)),
      id: n.cadreId,
    });
    const keys = whole.edges.map((e: any) => key(e.node));
    const sorted = [...keys].sort(
      (a, b) => b.worst - a.worst || b.over - a.over || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(keys).toEqual(sorted);
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = ok(await t.gql<any>(LIST, { f, first: 2, after })).flaggedCadres;
      expect(page.totalCount).toBe(whole.totalCount);
      paged.push(...page.edges.map((e: any) => e.node.cadreId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.edges.map((e: any) => e.node.cadreId));
  });

  it('keeps a department to its jurisdiction', async () => {
    const dept = t.token({ role: Role.ORG_DEPT, unitId: demo2.county });
    const own = await report(null, dept);
    expect(own.unitId).toBe(demo2.county);
    expect(own.units.some((u) => u.unitId === demo2.township)).toBe(true);
    const res = await t.gql(REPORT, { u: demo2.prefecture, asOf: AS_OF }, dept);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown unit', { u: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'unitId'],
    ['a unit id that is not a UUID', { u: 'county' }, 'BAD_USER_INPUT', 'unitId'],
  ])('rejects %s', async (_name, vars, code, field) => {
    const res = await t.gql(REPORT, { asOf: AS_OF, ...vars });
    expect(res.errors?.[0].extensions).toMatchObject({ code, field });
  });
});
