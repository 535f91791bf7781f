import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';

const AS_OF = '2026-11-27';

describe('demo seed: posts, quotas, vacancies and a slate', () => {
  let t: TestApp;
  let ids: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    const rows = await t.ds.query<{ external_id: string; id: string }[]>(
      `SELECT external_id, id FROM cadre WHERE external_id LIKE 'DEMO-%'`,
    );
    ids = new Map(rows.map((r) => [r.external_id, r.id]));
  });
  afterAll(() => t.close());

  it('has two vacancies in the city on 2026-11-27, one needing CULTURAL_TOURISM', async () => {
    const [yl] = await t.ds.query<{ id: string }[]>(`SELECT id FROM unit WHERE code = 'YL'`);
    const res = ok(
      await t.gql<{
        vacancies: {
          totalCount: number;
          edges: {
            node: {
              title: string;
              requiredDomains: string[];
              vacantSince: string;
              daysVacant: number;
              unit: { name: string };
            };
          }[];
        };
      }>(
        `query($u: ID) { vacancies(unitId: $u, asOf: "${AS_OF}") { totalCount edges { node {
           title requiredDomains vacantSince daysVacant unit { name } } } } }`,
        { u: yl.id },
      ),
    ).vacancies;
    expect(res.totalCount).toBe(2);
    expect(res.edges.map((e) => e.node)).toEqual([
      {
        title: '副县长（分管农业农村）',
        requiredDomains: [],
        vacantSince: '2025-07-01',
        daysVacant: 514,
        unit: { name: '禾溪县人民政府' },
      },
      {
        title: '副县长（分管文化旅游）',
        requiredDomains: ['CULTURAL_TOURISM'],
        vacantSince: '2026-01-01',
        daysVacant: 330,
        unit: { name: '白马县人民政府' },
      },
    ]);
  });

  it('fills case 1’s post and gives townships quotas that their holders meet', async () => {
    const [post] = await t.ds.query<{ id: string }[]>(
      `SELECT pt.id FROM post pt JOIN unit u ON u.id = pt.unit_id WHERE u.code = 'YL-XS' AND pt.title = '副县长'`,
    );
    const res = ok(
      await t.gql<{ post: { staffing: { holders: number; vacant: number } } }>(
        `query($id: ID!) { post(id: $id) { staffing(asOf: "${AS_OF}") { holders vacant } } }`,
        { id: post.id },
      ),
    ).post;
    expect(res.staffing).toEqual({ holders: 1, vacant: 0 });
    const [{ townships, quotas }] = await t.ds.query<{ townships: number; quotas: number }[]>(
      `SELECT (SELECT count(*)::int FROM unit WHERE level = 'TOWNSHIP') AS townships,
              (SELECT count(DISTINCT unit_id)::int FROM post_quota) AS quotas`,
    );
    expect(quotas).toBeGreaterThan(townships / 2);
  });

  it('the tourism post’s slate ranks case 2 (past the limit and ready) as stuck talent', async () => {
    const [post] = await t.ds.query<{ id: string }[]>(
      `SELECT pt.id FROM post pt JOIN unit u ON u.id = pt.unit_id WHERE u.code = 'YL-BM'`,
    );
    const res = ok(
      await t.gql<{
        slate: { candidates: { cadreId: string; stuck: boolean; reasons: { code: string }[] }[] };
      }>(
        `query($p: ID!) { slate(postId: $p, asOf: "${AS_OF}", first: 100) { candidates { cadreId stuck reasons { code } } } }`,
        { p: post.id },
      ),
    ).slate;
    const yang = res.candidates.find((c) => c.cadreId === ids.get('DEMO-002'));
    expect(yang).toMatchObject({ stuck: true });
    expect(yang?.reasons.map((r) => r.code)).toContain('STUCK_PAST_LIMIT');
    // Case 1 already holds COUNTY_DEPUTY: not a candidate for it.
    expect(res.candidates.some((c) => c.cadreId === ids.get('DEMO-001'))).toBe(false);
  });
});
