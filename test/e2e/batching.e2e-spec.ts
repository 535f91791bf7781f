import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

const QUERY = `query($first: Int) {
  cadres(first: $first) {
    totalCount
    edges {
      node {
        name
        postings { title unit { name parent { name } } }
        currentPostings(asOf: "2026-11-27") { title }
      }
    }
  }
}`;

describe('batching: nested cadre lists run a fixed number of SQL statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Postings go only to townships; their parents (counties) hold none, so each level of
    // the tree is a separate loader round whatever the page size.
    const counties = [];
    for (let i = 0; i < 3; i += 1) counties.push((await makeUnit(t.ds, { level: 'COUNTY' })).id);
    const townships = [];
    for (let i = 0; i < 6; i += 1) {
      townships.push((await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: counties[i % 3] })).id);
    }
    for (let i = 0; i < 50; i += 1) {
      const c = await makeCadre(t.ds, { name: `Batch ${String(i).padStart(2, '0')}` });
      await makePosting(t.ds, c.id, townships[i % 6], { startDate: '2010-01-01', endDate: '2014-12-31' });
      await makePosting(t.ds, c.id, townships[(i + 1) % 6], { startDate: '2015-01-01' });
      await makePosting(t.ds, c.id, townships[(i + 2) % 6], {
        kind: 'TEMPORARY_ASSIGNMENT',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      });
      await t.ds.query(
        `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body)
         VALUES ($1, 'WARNING', '2020-01-01', '2020-01-01', '县纪委监委')`,
        [c.id],
      );
      await t.ds.query(
        `INSERT INTO rank_grant (cadre_id, level, start_date) VALUES ($1, 'CLERK_1', '2012-01-01')`,
        [c.id],
      );
    }
  });
  afterAll(() => t.close());

  async function statementsFor(first: number): Promise<number> {
    t.queries.reset();
    const data = ok(await t.gql(QUERY, { first }));
    const edges = data.cadres.edges;
    expect(edges).toHaveLength(first);
    for (const { node } of edges) {
      expect(node.postings).toHaveLength(3);
      expect(node.postings[0].unit.parent.name).toMatch(/^Unit /);
      expect(node.currentPostings).toHaveLength(2);
    }
    return t.queries.count;
  }

  it('uses the same small number of statements for 5 and for 50 cadres', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    // the page with its count + postings (with their units) + parent units
    expect(five).toBe(3);
    expect(fifty).toBe(five);
  });

  it('loads Cadre.sanctions and Cadre.ranks in one statement each, whatever the page size', async () => {
    const count = async (first: number): Promise<number> => {
      t.queries.reset();
      const data = ok(
        await t.gql(
          `query($first: Int) { cadres(first: $first) { totalCount edges { node {
          sanctions { kind influenceEndsOn } ranks { level } } } } }`,
          { first },
        ),
      );
      for (const { node } of data.cadres.edges) {
        expect(node).toEqual({
          sanctions: [{ kind: 'WARNING', influenceEndsOn: '2020-06-30' }],
          ranks: [{ level: 'CLERK_1' }],
        });
      }
      return t.queries.count;
    };
    // the page with its count + sanctions + ranks
    expect(await count(5)).toBe(3);
    expect(await count(50)).toBe(3);
  });
});
