import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { FLAGGED, FlagOut, makeAchievement } from './flags-helpers';

const AS_OF = '2026-11-27';

interface Page {
  totalCount: number;
  edges: { node: { cadre: { name: string }; flags: FlagOut[] } }[];
}

/**
 * A department whose jurisdiction is the root of the only tree (a province's organisation department) sees
 * every unit; flaggedCadres then skips the per-unit test (scope `posted`). Its list must still be exactly the
 * active cadres with a current posting somewhere, the same as for a department one level down plus the rest.
 */
describe('flaggedCadres over the whole tree', () => {
  let t: TestApp;
  let province: string;
  let county: string;
  let town: string;

  beforeAll(async () => {
    t = await createTestApp();
    province = (await makeUnit(t.ds, { level: 'PROVINCE' })).id;
    county = (await makeUnit(t.ds, { level: 'COUNTY', parentId: province })).id;
    town = (await makeUnit(t.ds, { parentId: county })).id;
    const cadre = async (name: string, status = 'ACTIVE') => (await makeCadre(t.ds, { name, status })).id;

    // past the limit in a regular posting
    await makePosting(t.ds, await cadre('regular'), town, {
      level: 'TOWNSHIP_CHIEF',
      startDate: '2014-01-01',
    });
    // on a temporary assignment only: in scope, but no regular posting to pass a limit
    const temp = await cadre('temporary');
    await makePosting(t.ds, temp, county, { kind: 'TEMPORARY_ASSIGNMENT', startDate: '2026-06-01' });
    await makeAchievement(t.ds, temp, { domain: 'TRANSPORT', recognitionLevel: 'PROVINCE' });
    // a recognised specialist between postings: no current posting, so in no department's list
    const between = await cadre('between');
    await makePosting(t.ds, between, town, { startDate: '2010-01-01', endDate: '2026-01-31' });
    await makeAchievement(t.ds, between, { domain: 'TRANSPORT', recognitionLevel: 'PROVINCE' });
    // retired, still recorded in post: never listed
    await makePosting(t.ds, await cadre('retired', 'RETIRED'), town, {
      level: 'TOWNSHIP_CHIEF',
      startDate: '2012-01-01',
    });
  });
  afterAll(() => t.close());

  const list = async (unitId: string, codes: string[]) => {
    const token = t.token({ role: Role.ORG_DEPT, sub: 'dept', unitId });
    const p = ok(
      await t.gql<{ flaggedCadres: Page }>(FLAGGED, { filter: { unitId, codes, asOf: AS_OF } }, token),
    ).flaggedCadres;
    return { total: p.totalCount, names: p.edges.map((e) => e.node.cadre.name).sort() };
  };

  it('lists the active cadres with a current posting, as the department below it does', async () => {
    for (const codes of [['POSTING_LIMIT_EXCEEDED'], ['SPECIALIST_STRENGTH'], []]) {
      const whole = await list(province, codes);
      expect(whole).toEqual(await list(county, codes));
      expect(whole.names).not.toContain('between');
      expect(whole.names).not.toContain('retired');
    }
    expect(await list(province, ['POSTING_LIMIT_EXCEEDED'])).toEqual({ total: 1, names: ['regular'] });
    expect(await list(province, ['SPECIALIST_STRENGTH'])).toEqual({ total: 1, names: ['temporary'] });
  });

  it('gives each listed cadre its flags in full', async () => {
    const token = t.token({ role: Role.ORG_DEPT, sub: 'dept', unitId: province });
    const p = ok(
      await t.gql<{ flaggedCadres: Page }>(
        FLAGGED,
        { filter: { unitId: province, codes: ['POSTING_LIMIT_EXCEEDED'], asOf: AS_OF } },
        token,
      ),
    ).flaggedCadres;
    // Ten years in one township post: the same-post limit, and with it the same-area and the two-terms limits (issue 16)
    const flags = p.edges[0].node.flags as { ruleId: string }[];
    expect(flags.map((f) => f.ruleId).sort()).toEqual([
      'LEVEL_LIMIT_SAME_AREA',
      'POST_LIMIT_SAME_POST',
      'TERM_LIMIT',
    ]);
    expect(flags.find((f) => f.ruleId === 'POST_LIMIT_SAME_POST')).toEqual(
      expect.objectContaining({
        code: 'POSTING_LIMIT_EXCEEDED',
        message: expect.stringContaining('2024-01-01'),
        facts: expect.objectContaining({ since: '2014-01-01', limitDate: '2024-01-01' }),
      }),
    );
  });
});
