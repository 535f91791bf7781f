import { Role } from '../../src/auth/caller';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

const FEED = `query($unitId: ID, $from: Date!, $to: Date!, $codes: [FlagCode!], $first: Int, $after: String) {
  flagChanges(unitId: $unitId, from: $from, to: $to, codes: $codes, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { cadreId on change ruleId code severity previousCode previousSeverity facts policyVersion
                   cadre { name } } }
  } }`;
const LIMITS = ['POSTING_LIMIT_APPROACHING', 'POSTING_LIMIT_EXCEEDED'];

interface Change {
  cadreId: string;
  on: string;
  change: string;
  ruleId: string;
  code: string;
  severity: string;
  previousCode: string | null;
  previousSeverity: string | null;
  facts: Record<string, unknown>;
  cadre: { name: string };
}
interface Feed {
  flagChanges: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Change }[];
  };
}

describe('flagChanges: the change feed from the date spans', () => {
  let t: TestApp;
  let countyA: string;
  let countyB: string;
  let chief: string;
  let postingId: string;
  let deptA: string;

  const feed = (vars: Record<string, unknown>, token = deptA) => t.gql<Feed>(FEED, vars, token);
  const changes = async (vars: Record<string, unknown>, token = deptA) => {
    const res = await feed(vars, token);
    expect(res.errors).toBeUndefined();
    // the same-post limit (the same posting also meets the area and term limits, with their own changes)
    return res
      .data!.flagChanges.edges.filter(({ node: n }) => n.ruleId === 'POST_LIMIT_SAME_POST')
      .map(({ node: n }) => [n.on, n.change, n.ruleId, n.code, n.previousCode]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    countyA = (await makeUnit(t.ds, { level: 'COUNTY', name: 'A县' })).id;
    countyB = (await makeUnit(t.ds, { level: 'COUNTY', name: 'B县' })).id;
    const townA = (await makeUnit(t.ds, { parentId: countyA, name: 'A1镇' })).id;
    await makeUnit(t.ds, { parentId: countyB, name: 'B1镇' });
    chief = (await makeCadre(t.ds, { name: '周敏' })).id;
    // Ten years in one post from 2016-01-01: approaching from 2025-07-01 (six months), exceeded from 2026-01-01
    postingId = (
      await makePosting(t.ds, chief, townA, {
        title: '镇长',
        level: 'TOWNSHIP_CHIEF',
        startDate: '2016-01-01',
      })
    ).id;
    deptA = t.token({ role: Role.ORG_DEPT, unitId: countyA });
  });
  afterAll(() => t.close());

  it('a limit approaching, then exceeded: STARTED on the warning date, ESCALATED on the limit date', async () => {
    const res = await feed({ from: '2025-01-01', to: '2026-12-31', codes: LIMITS });
    expect(res.errors).toBeUndefined();
    const all = res.data!.flagChanges.edges.map((e) => e.node);
    expect(res.data!.flagChanges.totalCount).toBe(all.length);
    const nodes = all.filter((n) => n.ruleId === 'POST_LIMIT_SAME_POST');
    expect(
      nodes.map((n) => [n.on, n.change, n.ruleId, n.code, n.severity, n.previousCode, n.previousSeverity]),
    ).toEqual([
      ['2025-07-01', 'STARTED', 'POST_LIMIT_SAME_POST', 'POSTING_LIMIT_APPROACHING', 'WARNING', null, null],
      [
        '2026-01-01',
        'ESCALATED',
        'POST_LIMIT_SAME_POST',
        'POSTING_LIMIT_EXCEEDED',
        'WARNING', // a township post: "should rotate"
        'POSTING_LIMIT_APPROACHING',
        'WARNING',
      ],
    ]);
    expect(nodes[1]).toMatchObject({ cadreId: chief, cadre: { name: '周敏' } });
    expect(nodes[1].facts).toMatchObject({ limitDate: '2026-01-01', limitYears: 10, postingId });
    // A period that holds neither boundary holds no change, though the flag holds throughout
    expect(await changes({ from: '2025-08-01', to: '2025-12-31', codes: LIMITS })).toEqual([]);
  });

  it('pages in date order with an exact total, one change at a time', async () => {
    const all = await feed({ from: '2016-01-01', to: '2025-12-31' });
    expect(all.errors).toBeUndefined();
    const total = all.data!.flagChanges.totalCount;
    expect(total).toBeGreaterThan(2); // induction training due from the appointment, too
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Feed = (await feed({ from: '2016-01-01', to: '2025-12-31', first: 1, after })).data!;
      expect(page.flagChanges.totalCount).toBe(total);
      seen.push(...page.flagChanges.edges.map((e) => `${e.node.on}/${e.node.ruleId}/${e.node.change}`));
      if (!page.flagChanges.pageInfo.hasNextPage) break;
      after = page.flagChanges.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort()).toEqual(seen);
    expect(seen).toContain('2016-01-01/INDUCTION_TRAINING/STARTED');
  });

  it('a policy version boundary is not a change; ending the posting ends the flag', async () => {
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       SELECT max(version) + 1, DATE '2025-10-01', $1::jsonb, 'same thresholds', 'test' FROM policy_version`,
      [JSON.stringify(DEFAULT_POLICY)],
    );
    const spans: { n: number }[] = await t.ds.query(
      // up to 2026-12-05, where a migration may publish this round's policy on a database whose default moved on
      `SELECT count(*)::int AS n FROM rule_span
        WHERE cadre_id = $1 AND rule_id = 'POST_LIMIT_SAME_POST' AND valid_from < DATE '2026-12-05'`,
      [chief],
    );
    expect(spans[0].n).toBe(3); // approaching, exceeded before and after 2025-10-01
    expect(await changes({ from: '2025-01-01', to: '2026-12-31', codes: LIMITS })).toEqual([
      ['2025-07-01', 'STARTED', 'POST_LIMIT_SAME_POST', 'POSTING_LIMIT_APPROACHING', null],
      [
        '2026-01-01',
        'ESCALATED',
        'POST_LIMIT_SAME_POST',
        'POSTING_LIMIT_EXCEEDED',
        'POSTING_LIMIT_APPROACHING',
      ],
    ]);
    await t.ds.query(`UPDATE posting SET end_date = '2026-06-30' WHERE id = $1`, [postingId]);
    expect(await changes({ from: '2026-01-02', to: '2026-12-31', codes: LIMITS })).toEqual([
      ['2026-07-01', 'ENDED', 'POST_LIMIT_SAME_POST', 'POSTING_LIMIT_EXCEEDED', null],
    ]);
  });

  it('keeps to the jurisdiction, refuses cadres and bad periods, writes nothing', async () => {
    const other = t.token({ role: Role.ORG_DEPT, unitId: countyB });
    expect(await changes({ from: '2025-01-01', to: '2026-12-31' }, other)).toEqual([]);
    expect(
      (await feed({ unitId: countyA, from: '2025-01-01', to: '2026-12-31' }, other)).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const self = t.token({ role: Role.CADRE, cadreId: chief });
    expect((await feed({ from: '2025-01-01', to: '2026-12-31' }, self)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const backwards = await feed({ from: '2026-01-01', to: '2025-01-01' });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const tooLong = await feed({ from: '2000-01-01', to: '2026-12-31' });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
