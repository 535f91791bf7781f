import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { promotion } from './candidates-helpers';
import { townshipChief } from './candidates-fixture';
import { flagsOf } from './flags-helpers';

const AS_OF = '2026-11-27';
const RECORD = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateAppraisalInput!) { updateAppraisal(input: $input) { id } }`;
const PATHWAY = `query($id: ID!, $asOf: Date) { cadre(id: $id) { pathway(asOf: $asOf) {
  nextLevel eligible estimatedEligibleDate
  requirements { code met current required remaining unit dateMet facts } } } }`;

interface Req {
  code: string;
  met: boolean;
  current: number | string | null;
  required: number | string | null;
  remaining: number | string | null;
  unit: string;
  dateMet: string | null;
  facts: Record<string, unknown> | null;
}
interface PathwayOut {
  nextLevel: string | null;
  eligible: boolean;
  estimatedEligibleDate: string | null;
  requirements: Req[];
}

/**
 * The appraisal effects over HTTP (PROMO_APPRAISAL, PROMO_TIME_IN_LEVEL and the flag APPRAISAL_INCOMPETENT): years
 * that do not count on the post ladder and the rank ladder, an INCOMPETENT year blocking until a later counted year
 * has ended (recorded through recordAppraisal), the flag in the year after it, and candidate lists.
 */
describe('appraisal effects: the pathway, the flag and candidate lists', () => {
  let t: TestApp;
  let county: string;
  let a1: string;
  let a2: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '白马县' })).id;
    a1 = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
    a2 = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
  });
  afterAll(() => t.close());

  const pathway = async (id: string, asOf = AS_OF): Promise<PathwayOut> =>
    ok(await t.gql(PATHWAY, { id, asOf })).cadre.pathway as PathwayOut;
  const req = (p: PathwayOut, code: string): Req => {
    const r = p.requirements.find((x) => x.code === code);
    if (!r) throw new Error(`${code} not in ${p.requirements.map((x) => x.code).join(', ')}`);
    return r;
  };
  const grade = async (cadreId: string, year: number, g: string): Promise<string> =>
    (ok(await t.gql(RECORD, { input: { cadreId, year, grade: g } })).recordAppraisal as { id: string }).id;

  /** A township chief since 2018-12-01, otherwise eligible for COUNTY_DEPUTY on 2026-11-27. */
  async function chief(name: string, grades: Record<number, string>): Promise<string> {
    const id = await townshipChief(t.ds, {
      name,
      deputyUnit: a1,
      chiefUnit: a2,
      deputyFrom: '2014-12-01',
      chiefFrom: '2018-12-01',
    });
    for (const [year, g] of Object.entries(grades)) await grade(id, Number(year), g);
    return id;
  }

  it('a year that does not count pushes post time back a year; EXCELLENT does not shorten it', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2015-07-01', educationLevel: 'BACHELOR' });
    await makePosting(t.ds, c.id, a1, { level: 'TOWNSHIP_DEPUTY', startDate: '2024-01-01' });
    await grade(c.id, 2024, 'EXCELLENT');
    expect(req(await pathway(c.id), 'PROMO_TIME_IN_LEVEL')).toMatchObject({
      met: true,
      dateMet: '2026-01-01',
    });
    for (const g of ['BASICALLY_COMPETENT', 'UNGRADED', 'INCOMPETENT']) {
      await t.ds.query(`UPDATE appraisal SET grade = $2 WHERE cadre_id = $1 AND year = 2024`, [c.id, g]);
      expect(req(await pathway(c.id), 'PROMO_TIME_IN_LEVEL')).toMatchObject({
        met: false,
        current: 1.9,
        remaining: 0.1,
        dateMet: '2027-01-01',
      });
    }
  });

  it('on the rank ladder an INCOMPETENT year does not count either, and an EXCELLENT year takes 6 months off', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2023-08-01', birthDate: '2000-03-03' });
    await makePosting(t.ds, c.id, a1, { level: 'CLERK_1', startDate: '2023-08-01', title: 'Clerk' });
    expect(req(await pathway(c.id, '2025-07-31'), 'PROMO_TIME_IN_LEVEL')).toMatchObject({
      met: false,
      dateMet: '2025-08-01',
    });
    await grade(c.id, 2024, 'INCOMPETENT');
    await grade(c.id, 2025, 'EXCELLENT');
    const p = await pathway(c.id, '2026-02-01');
    // 2023-08-01 + 2 years + 12 months (2024) − 6 months (2025) = 2026-02-01; met on the asOf date itself.
    expect(req(p, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: true, dateMet: '2026-02-01' });
    expect(req(await pathway(c.id, '2026-01-31'), 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: false });
    // The INCOMPETENT year blocks until 2025 (EXCELLENT) has ended.
    expect(req(p, 'PROMO_APPRAISAL')).toMatchObject({ met: true, dateMet: '2026-01-01' });
  });

  it('an INCOMPETENT year blocks until a later counted year has ended; the date comes once it is recorded', async () => {
    const id = await chief('韩知秋', { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'INCOMPETENT' });
    const blocked = await pathway(id);
    expect(blocked).toMatchObject({ eligible: false, estimatedEligibleDate: null });
    expect(req(blocked, 'PROMO_APPRAISAL')).toMatchObject({
      met: false,
      current: 0,
      required: 1,
      remaining: 1,
      dateMet: null,
      facts: { blockingYear: 2025, grade: 'INCOMPETENT', countedYears: [] },
    });
    // A BASICALLY_COMPETENT 2026 does not lift it; corrected to COMPETENT, it does from 1 January 2027.
    const y2026 = await grade(id, 2026, 'BASICALLY_COMPETENT');
    expect(await pathway(id)).toMatchObject({ eligible: false, estimatedEligibleDate: null });
    ok(await t.gql(UPDATE, { input: { id: y2026, grade: 'COMPETENT' } }));
    expect(await pathway(id)).toMatchObject({ eligible: false, estimatedEligibleDate: '2027-01-01' });
    expect(await pathway(id, '2026-12-31')).toMatchObject({ eligible: false });
    expect(await pathway(id, '2027-01-01')).toMatchObject({ eligible: true });
  });

  it('flags APPRAISAL_INCOMPETENT (WARNING) from 1 January to 31 December of the year after', async () => {
    const id = await chief('邵彦', { 2025: 'INCOMPETENT' });
    const incompetent = async (asOf: string) =>
      (await flagsOf(t, id, asOf)).filter((f) => f.code === 'APPRAISAL_INCOMPETENT');
    expect(await incompetent('2025-12-31')).toEqual([]);
    expect(await incompetent('2026-01-01')).toHaveLength(1);
    const [flag] = await incompetent(AS_OF);
    const source = DEFAULT_POLICY.rules.APPRAISAL_INCOMPETENT.source;
    expect(flag).toEqual({
      code: 'APPRAISAL_INCOMPETENT',
      severity: 'WARNING',
      ruleId: 'APPRAISAL_INCOMPETENT',
      source,
      message:
        '2025 年度考核为不称职，自 2026-01-01 起关注至 2026-12-31：应降低一个职务或者职级层次，满足考核条件前不得晋升。',
      facts: {
        year: 2025,
        grade: 'INCOMPETENT',
        flaggedFrom: '2026-01-01',
        flaggedUntil: '2026-12-31',
        source,
      },
      overBy: -35,
      policyVersion: 1,
    });
  });

  it('candidate lists leave out the blocked, and show PROMO_APPRAISAL under blockers when nearly eligible', async () => {
    const id = await chief('龚晓', { 2024: 'COMPETENT', 2025: 'INCOMPETENT', 2026: 'COMPETENT' });
    const target = { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF, unitId: county };
    expect((await promotion(t, target, { first: 100 })).edges.map((e) => e.node.cadreId)).not.toContain(id);
    const soon = await promotion(t, { ...target, includeNearlyEligible: true }, { first: 100 });
    expect(soon.edges.find((e) => e.node.cadreId === id)?.node).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2027-01-01',
      blockers: expect.arrayContaining([{ code: 'PROMO_APPRAISAL', met: false, dateMet: '2027-01-01' }]),
    });
  });
});
