import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';
import { flagsOf } from './flags-helpers';

/** The demo's date (DOMAIN.md cases). */
const AS_OF = '2026-11-27';

describe('demo seed: a team with an avoidance conflict and no woman (issue #19)', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  let bureau: string;
  let city: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    for (const r of await t.ds.query<{ id: string; external_id: string }[]>(
      `SELECT id, external_id FROM cadre WHERE external_id IN ('DEMO-AV1', 'DEMO-AV2')`,
    )) {
      ids.set(r.external_id, r.id);
    }
    [{ id: bureau }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM unit WHERE code = 'YL-BM-GAJ'`);
    [{ id: city }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM unit WHERE code = 'YL'`);
  });
  afterAll(() => t.close());

  it('flags the bureau head for his nephew in the team and for heading public security in his home county', async () => {
    const head = (await flagsOf(t, ids.get('DEMO-AV1')!, AS_OF)).filter(
      (f) => f.code === 'AVOIDANCE_CONFLICT',
    );
    expect(head.map((f) => f.facts.breach).sort()).toEqual(['HOME_AREA', 'RELATIVE_SAME_TEAM']);
    expect(head.find((f) => f.facts.breach === 'HOME_AREA')?.facts).toMatchObject({
      post: 'PUBLIC_SECURITY_HEAD',
      areaName: '白马县',
    });
    const nephew = (await flagsOf(t, ids.get('DEMO-AV2')!, AS_OF)).filter(
      (f) => f.code === 'AVOIDANCE_CONFLICT',
    );
    expect(nephew.map((f) => [f.facts.breach, f.facts.relation])).toEqual([['RELATIVE_SAME_TEAM', '侄子']]);
  });

  it('shows the bureau’s team missing the woman and young-cadre targets, in the city’s table', async () => {
    const s = ok(
      await t.gql(`query($u: ID!) { teamStructure(unitId: $u, asOf: "${AS_OF}") { holders women missed } }`, {
        u: bureau,
      }),
    ).teamStructure;
    expect(s).toEqual({ holders: 2, women: 0, missed: ['WOMEN', 'YOUNG'] });
    const table = ok(
      await t.gql(
        `query($u: ID) { teamStructures(unitId: $u, asOf: "${AS_OF}", first: 100) { totalCount edges { node { unitId missed } } } }`,
        { u: city },
      ),
    ).teamStructures;
    expect(table.edges.map((e: { node: { unitId: string } }) => e.node.unitId)).toContain(bureau);
  });
});
