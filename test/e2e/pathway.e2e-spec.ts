import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { RULE_TEXTS } from '../../src/policy/rule-texts';
import { PathwayService } from '../../src/pathway/pathway.service';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

interface Req {
  code: string;
  description: string;
  met: boolean;
  current: number | string | null;
  required: number | string | null;
  remaining: number | string | null;
  unit: string;
  source: string;
  dateMet: string | null;
}
interface Pathway {
  currentLevel: string | null;
  ladder: string | null;
  nextLevel: string | null;
  eligible: boolean;
  estimatedEligibleDate: string | null;
  policyVersion: number;
  requirements: Req[];
}

const PATHWAY = `query($id: ID!, $asOf: Date) { cadre(id: $id) { pathway(asOf: $asOf) {
  currentLevel ladder nextLevel eligible estimatedEligibleDate policyVersion
  requirements { code description met current required remaining unit source dateMet } } } }`;
const AS_OF = '2026-11-27';

describe('Cadre.pathway', () => {
  let t: TestApp;
  let county: string;
  let townships: string[];
  let village: string;
  let bureaus: string[];

  const pathway = async (id: string, asOf = AS_OF): Promise<Pathway> =>
    ok(await t.gql<{ cadre: { pathway: Pathway } }>(PATHWAY, { id, asOf })).cadre.pathway;
  const req = (p: Pathway, code: string): Req => {
    const r = p.requirements.find((x) => x.code === code);
    if (!r) throw new Error(`${code} not in ${p.requirements.map((x) => x.code).join(', ')}`);
    return r;
  };
  const appraise = (cadreId: string, grades: Record<number, string>) =>
    Promise.all(
      Object.entries(grades).map(([year, grade]) =>
        t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, $3)`, [
          cadreId,
          year,
          grade,
        ]),
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    const city = await makeUnit(t.ds, { level: 'PREFECTURE' });
    county = (await makeUnit(t.ds, { level: 'COUNTY', parentId: city.id })).id;
    townships = [];
    for (let i = 0; i < 3; i++)
      townships.push((await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id);
    village = (await makeUnit(t.ds, { level: 'VILLAGE', kind: 'VILLAGE_COMMITTEE', parentId: townships[0] }))
      .id;
    bureaus = [];
    for (let i = 0; i < 2; i++)
      bureaus.push((await makeUnit(t.ds, { level: 'PREFECTURE', parentId: city.id })).id);
  });
  afterAll(() => t.close());

  /** DOMAIN.md case 2: deputy in one township 2011-07-01..2015-08-31, chief in another since 2015-09-01. */
  async function townshipHead(grades: Record<number, string>) {
    const c = await makeCadre(t.ds, { workStartDate: '2008-07-01', educationLevel: 'BACHELOR' });
    await makePosting(t.ds, c.id, townships[0], {
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2011-07-01',
      endDate: '2015-08-31',
    });
    await makePosting(t.ds, c.id, townships[1], { level: 'TOWNSHIP_CHIEF', startDate: '2015-09-01' });
    await appraise(c.id, grades);
    return c.id;
  }

  it('case 2, the township head of eleven years, is eligible for COUNTY_DEPUTY', async () => {
    const id = await townshipHead({ 2023: 'COMPETENT', 2024: 'EXCELLENT', 2025: 'COMPETENT' });
    const p = await pathway(id);
    expect(p).toMatchObject({
      currentLevel: 'TOWNSHIP_CHIEF',
      ladder: 'LEADERSHIP',
      nextLevel: 'COUNTY_DEPUTY',
      eligible: true,
      estimatedEligibleDate: '2018-09-01',
      policyVersion: 1,
    });
    expect(p.requirements.map((r) => [r.code, r.met, r.current, r.required, r.dateMet])).toEqual([
      ['PROMO_WORK_YEARS', true, 18.41, 5, '2013-07-01'],
      ['PROMO_GRASSROOTS_YEARS', true, 15.41, 2, '2013-07-01'],
      ['PROMO_TWO_POSTS', true, 2, 2, null],
      ['PROMO_TIME_IN_LEVEL', true, 11.24, 3, '2018-09-01'],
      ['PROMO_EDUCATION', true, 'BACHELOR', 'COLLEGE', null],
      ['PROMO_APPRAISAL', true, 'COMPETENT', 'no INCOMPETENT without 1 later counted year(s)', null],
      // Soft: no induction training in the fixture; due within a year after appointment, not a bar.
      ['PROMO_TRAINING', false, 0, 30, null],
      ['PROMO_NO_SANCTION_IN_EFFECT', true, 0, 0, null],
    ]);
    const work = req(p, 'PROMO_WORK_YEARS');
    // The rule's sentence in the reader's locale (Chinese by default).
    expect(work.description).toBe(RULE_TEXTS.PROMO_WORK_YEARS.sentences['zh-CN']);
    expect(work.source).toBe(DEFAULT_POLICY.rules.PROMO_WORK_YEARS.source);
    expect(work).toMatchObject({ remaining: 0, unit: 'years' });
  });

  it('INCOMPETENT in the last completed year blocks until a later counted year has ended', async () => {
    const id = await townshipHead({ 2024: 'COMPETENT', 2025: 'INCOMPETENT' });
    const p = await pathway(id);
    expect(req(p, 'PROMO_APPRAISAL')).toMatchObject({ met: false, current: 0, required: 1, dateMet: null });
    expect(p).toMatchObject({ eligible: false, estimatedEligibleDate: null });
    // A year on, with no counted year recorded since, it still blocks (the 2019 text: 不称职 years do not count).
    expect(req(await pathway(id, '2027-01-01'), 'PROMO_APPRAISAL')).toMatchObject({
      met: false,
      dateMet: null,
    });
  });

  it('case 3, the selected graduate: CLERK_1 since 2025-08-01, PRINCIPAL_STAFF_4 on 2027-08-01', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2025-08-01', birthDate: '2002-03-03' });
    await makePosting(t.ds, c.id, townships[2], {
      level: 'CLERK_1',
      startDate: '2025-08-01',
      title: 'Clerk',
    });
    const p = await pathway(c.id);
    expect(p).toMatchObject({
      currentLevel: 'CLERK_1',
      ladder: 'RANK',
      nextLevel: 'PRINCIPAL_STAFF_4',
      eligible: false,
      estimatedEligibleDate: '2027-08-01',
    });
    expect(p.requirements.map((r) => r.code)).toEqual([
      'PROMO_TIME_IN_LEVEL',
      'PROMO_APPRAISAL',
      'PROMO_NO_SANCTION_IN_EFFECT',
    ]);
    expect(req(p, 'PROMO_TIME_IN_LEVEL')).toMatchObject({
      met: false,
      current: 1.32,
      required: 2,
      remaining: 0.68,
      unit: 'years at CLERK_1',
      dateMet: '2027-08-01',
    });

    // The probation year is ungraded but was not a whole year at the level, so it changes nothing;
    // one EXCELLENT year brings the date six months earlier.
    await appraise(c.id, { 2025: 'UNGRADED', 2026: 'EXCELLENT' });
    expect((await pathway(c.id)).estimatedEligibleDate).toBe('2027-02-01');
    expect(await pathway(c.id, '2027-01-31')).toMatchObject({ eligible: false });
    expect(await pathway(c.id, '2027-02-01')).toMatchObject({
      eligible: true,
      estimatedEligibleDate: '2027-02-01',
    });
  });

  it('a BASICALLY_COMPETENT year does not count toward time in rank', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2025-08-01', birthDate: '2002-03-03' });
    await makePosting(t.ds, c.id, townships[2], {
      level: 'CLERK_1',
      startDate: '2025-08-01',
      title: 'Clerk',
    });
    await appraise(c.id, { 2026: 'BASICALLY_COMPETENT' });
    const p = await pathway(c.id, '2027-08-01');
    expect(req(p, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: false, current: 1, dateMet: '2028-08-01' });
    expect(p.estimatedEligibleDate).toBe('2028-08-01');
  });

  it('work years: unmet the day before the 5th anniversary, met on it', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2021-12-01' });
    await makePosting(t.ds, c.id, townships[0], {
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2021-12-01',
      endDate: '2023-05-31',
    });
    await makePosting(t.ds, c.id, townships[1], { level: 'TOWNSHIP_CHIEF', startDate: '2023-06-01' });
    const before = await pathway(c.id, '2026-11-30');
    expect(req(before, 'PROMO_WORK_YEARS')).toMatchObject({
      met: false,
      dateMet: '2026-12-01',
      remaining: 0,
    });
    expect(req(before, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: true, dateMet: '2026-06-01' });
    expect(before).toMatchObject({ eligible: false, estimatedEligibleDate: '2026-12-01' });
    const on = await pathway(c.id, '2026-12-01');
    expect(on).toMatchObject({ eligible: true, estimatedEligibleDate: '2026-12-01' });
  });

  /** A career in prefecture bureaus (not grassroots), section deputy then chief. */
  async function bureauCareer() {
    const c = await makeCadre(t.ds, { workStartDate: '2010-07-01' });
    await makePosting(t.ds, c.id, bureaus[0], {
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2015-01-01',
      endDate: '2018-12-31',
    });
    await makePosting(t.ds, c.id, bureaus[1], { level: 'TOWNSHIP_CHIEF', startDate: '2019-01-01' });
    return c.id;
  }

  it('grassroots years: overlapping temporary assignments count once; past ones never accrue', async () => {
    const id = await bureauCareer();
    const temp = { kind: 'TEMPORARY_ASSIGNMENT', level: 'TOWNSHIP_DEPUTY' };
    await makePosting(t.ds, id, village, { ...temp, startDate: '2024-03-01', endDate: '2025-02-28' });
    await makePosting(t.ds, id, townships[2], { ...temp, startDate: '2024-09-01', endDate: '2025-06-30' });
    const p = await pathway(id);
    // [2024-03-01, 2025-07-01) = 487 days of the 731 (2 × 365.25) needed.
    expect(req(p, 'PROMO_GRASSROOTS_YEARS')).toMatchObject({
      met: false,
      current: 1.33,
      remaining: 0.67,
      dateMet: null,
    });
    expect(req(p, 'PROMO_TWO_POSTS')).toMatchObject({ met: true, current: 2 });
    expect(p).toMatchObject({ currentLevel: 'TOWNSHIP_CHIEF', eligible: false, estimatedEligibleDate: null });
  });

  it('grassroots years still accruing give a date: asOf plus the days missing', async () => {
    const id = await bureauCareer();
    await makePosting(t.ds, id, village, {
      kind: 'TEMPORARY_ASSIGNMENT',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2026-01-01',
    });
    const p = await pathway(id);
    // 330 days by asOf; 401 to go.
    expect(req(p, 'PROMO_GRASSROOTS_YEARS')).toMatchObject({
      met: false,
      current: 0.9,
      dateMet: '2028-01-02',
    });
    expect(p).toMatchObject({ currentLevel: 'TOWNSHIP_CHIEF', estimatedEligibleDate: '2028-01-02' });
    expect(await pathway(id, '2028-01-02')).toMatchObject({ eligible: true });
  });

  it('two posts: one post in the band below is not enough; a new title in the same post is one post', async () => {
    const one = await makeCadre(t.ds, { workStartDate: '2012-01-01' });
    await makePosting(t.ds, one.id, townships[0], {
      level: 'PRINCIPAL_STAFF_2',
      startDate: '2012-01-01',
      endDate: '2017-12-31',
    });
    await makePosting(t.ds, one.id, townships[0], { level: 'TOWNSHIP_CHIEF', startDate: '2018-01-01' });
    const p = await pathway(one.id);
    expect(req(p, 'PROMO_TWO_POSTS')).toMatchObject({ met: false, current: 1, remaining: 1, dateMet: null });
    expect(p).toMatchObject({ eligible: false, estimatedEligibleDate: null });

    const retitled = await makeCadre(t.ds, { workStartDate: '2010-01-01' });
    const deputy = { level: 'TOWNSHIP_DEPUTY' };
    await makePosting(t.ds, retitled.id, townships[0], {
      ...deputy,
      startDate: '2010-01-01',
      endDate: '2014-12-31',
    });
    await makePosting(t.ds, retitled.id, townships[0], {
      ...deputy,
      title: 'Deputy secretary',
      startDate: '2015-01-01',
      endDate: '2016-12-31',
    });
    await makePosting(t.ds, retitled.id, townships[0], { level: 'TOWNSHIP_CHIEF', startDate: '2017-01-01' });
    expect(req(await pathway(retitled.id), 'PROMO_TWO_POSTS')).toMatchObject({ met: true, current: 2 });
  });

  it('time in level: adjacent postings at the level chain, a gap restarts it, a secondment does not change the level', async () => {
    const chained = await makeCadre(t.ds);
    await makePosting(t.ds, chained.id, townships[0], { startDate: '2018-01-01', endDate: '2019-12-31' });
    await makePosting(t.ds, chained.id, townships[1], { startDate: '2020-01-01' });
    await makePosting(t.ds, chained.id, bureaus[0], {
      kind: 'SECONDMENT',
      level: 'COUNTY_DEPUTY',
      startDate: '2021-01-01',
    });
    const c = await pathway(chained.id, '2021-12-31');
    expect(c).toMatchObject({ currentLevel: 'TOWNSHIP_DEPUTY', nextLevel: 'TOWNSHIP_CHIEF', eligible: true });
    expect(req(c, 'PROMO_TIME_IN_LEVEL')).toMatchObject({
      met: true,
      current: 4,
      required: 2,
      dateMet: '2020-01-01',
    });
    // Work and grassroots years apply from county level up, and two posts too.
    expect(c.requirements.map((r) => r.code)).toEqual([
      'PROMO_TIME_IN_LEVEL',
      'PROMO_EDUCATION',
      'PROMO_APPRAISAL',
      'PROMO_TRAINING',
      'PROMO_NO_SANCTION_IN_EFFECT',
    ]);

    // 2020-01-01 to 2020-03-31 without a posting: 91 days, one more than REAPPOINTMENT_GAP: a new run.
    const gap = await makeCadre(t.ds);
    await makePosting(t.ds, gap.id, townships[0], { startDate: '2018-01-01', endDate: '2019-12-31' });
    await makePosting(t.ds, gap.id, townships[1], { startDate: '2020-04-01' });
    const g = await pathway(gap.id, '2021-12-31');
    expect(req(g, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: false, dateMet: '2022-04-01' });
    expect(g).toMatchObject({ eligible: false, estimatedEligibleDate: '2022-04-01' });
    expect(await pathway(gap.id, '2022-03-31')).toMatchObject({ eligible: false });
    expect(await pathway(gap.id, '2022-04-01')).toMatchObject({ eligible: true });

    // 90 days (a re-election closing and reopening the post): the time in level goes on.
    const kept = await makeCadre(t.ds);
    await makePosting(t.ds, kept.id, townships[0], { startDate: '2018-01-01', endDate: '2019-12-31' });
    await makePosting(t.ds, kept.id, townships[1], { startDate: '2020-03-31' });
    expect(req(await pathway(kept.id, '2021-12-31'), 'PROMO_TIME_IN_LEVEL')).toMatchObject({
      met: true,
      dateMet: '2020-01-01',
    });
  });

  it('education: a college diploma is not enough for bureau deputy; time will not fix it', async () => {
    const c = await makeCadre(t.ds, { workStartDate: '2000-07-01', educationLevel: 'COLLEGE' });
    await makePosting(t.ds, c.id, county, {
      level: 'COUNTY_DEPUTY',
      startDate: '2014-01-01',
      endDate: '2017-12-31',
    });
    const other = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    await makePosting(t.ds, c.id, other, { level: 'COUNTY_CHIEF', startDate: '2018-01-01' });
    const p = await pathway(c.id);
    expect(p.nextLevel).toBe('BUREAU_DEPUTY');
    expect(req(p, 'PROMO_EDUCATION')).toMatchObject({
      met: false,
      current: 'COLLEGE',
      required: 'BACHELOR',
      remaining: 'BACHELOR',
      dateMet: null,
    });
    // PROMO_TRAINING is soft: shown unmet, never the bar.
    expect(p.requirements.filter((r) => !r.met).map((r) => r.code)).toEqual([
      'PROMO_EDUCATION',
      'PROMO_TRAINING',
    ]);
    expect(p).toMatchObject({ eligible: false, estimatedEligibleDate: null });
  });

  it('no current posting, or the top of the ladder: no next level', async () => {
    const none = await makeCadre(t.ds);
    expect(await pathway(none.id)).toEqual({
      currentLevel: null,
      ladder: null,
      nextLevel: null,
      eligible: false,
      estimatedEligibleDate: null,
      policyVersion: 1,
      requirements: [],
    });
    const top = await makeCadre(t.ds);
    await makePosting(t.ds, top.id, bureaus[0], { level: 'BUREAU_CHIEF', startDate: '2020-01-01' });
    expect(await pathway(top.id)).toMatchObject({
      currentLevel: 'BUREAU_CHIEF',
      nextLevel: null,
      requirements: [],
    });
  });

  it('rejects a malformed asOf', async () => {
    const none = await makeCadre(t.ds);
    const res = await t.gql(PATHWAY, { id: none.id, asOf: '2026-02-30' });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  describe('postingLimits (issue 16)', () => {
    const LIMITS = `query($id: ID!, $asOf: Date) { cadre(id: $id) { pathway(asOf: $asOf) {
      postingLimits { rule effect date holds source } } } }`;
    const limits = async (id: string, asOf: string) =>
      ok(
        await t.gql<{ cadre: { pathway: { postingLimits: Record<string, unknown>[] } } }>(LIMITS, {
          id,
          asOf,
        }),
      ).cadre.pathway.postingLimits;

    it('LEVEL_TOTAL_LIMIT bars a further appointment at the level from its date, earlier stints included', async () => {
      const c = await makeCadre(t.ds, { workStartDate: '1995-01-01' });
      await makePosting(t.ds, c.id, townships[1], {
        level: 'TOWNSHIP_CHIEF',
        startDate: '2005-01-01',
        endDate: '2009-12-31', // 1826 days
      });
      await makePosting(t.ds, c.id, bureaus[0], {
        level: 'PRINCIPAL_STAFF_1',
        startDate: '2010-01-01',
        endDate: '2014-12-31',
      });
      await makePosting(t.ds, c.id, townships[2], { level: 'TOWNSHIP_CHIEF', startDate: '2015-01-01' });
      // 2015-01-01 + 15 years − 1826 days = 2025-01-01
      const bar = { rule: 'LEVEL_TOTAL_LIMIT', effect: 'NO_SAME_LEVEL_APPOINTMENT_FROM', date: '2025-01-01' };
      expect(await limits(c.id, '2024-12-31')).toContainEqual({
        ...bar,
        holds: false,
        source: expect.stringContaining('art. 7'),
      });
      expect(await limits(c.id, '2025-01-01')).toContainEqual({
        ...bar,
        holds: true,
        source: expect.stringContaining('art. 7'),
      });
    });

    it('TOWNSHIP_MIN_SERVICE gives a township recruit the date the minimum is met, until a move above the township', async () => {
      const c = await makeCadre(t.ds, { workStartDate: '2022-08-01' });
      const first = await makePosting(t.ds, c.id, townships[0], {
        level: 'CLERK_1',
        startDate: '2022-08-01',
        endDate: '2025-07-31',
      });
      await makePosting(t.ds, c.id, townships[1], { level: 'CLERK_1', startDate: '2025-08-01' });
      const bar = { rule: 'TOWNSHIP_MIN_SERVICE', effect: 'NO_TRANSFER_UPWARD_BEFORE', date: '2027-08-01' };
      expect(await limits(c.id, '2027-07-31')).toEqual([{ ...bar, holds: true, source: expect.any(String) }]);
      expect(await limits(c.id, '2027-08-01')).toEqual([
        { ...bar, holds: false, source: expect.any(String) },
      ]);
      // Once above the township the date is the flag's business (MIN_SERVICE_NOT_MET), not a bar ahead.
      await t.ds.query(`UPDATE posting SET end_date = '2026-01-31' WHERE cadre_id = $1 AND id <> $2`, [
        c.id,
        first.id,
      ]);
      await makePosting(t.ds, c.id, county, { level: 'CLERK_1', startDate: '2026-02-01' });
      expect(await limits(c.id, '2026-06-01')).toEqual([]);
      // A cadre who started above the township has no such date.
      const d = await makeCadre(t.ds, { workStartDate: '2022-08-01' });
      await makePosting(t.ds, d.id, county, { level: 'CLERK_1', startDate: '2022-08-01' });
      expect(await limits(d.id, '2026-06-01')).toEqual([]);
    });
  });

  it('a list of cadres reads its pathways with one facts query per asOf', async () => {
    t.queries.reset();
    const res = ok(
      await t.gql<{ cadres: { edges: { node: { a: Pathway; b: Pathway } }[] } }>(
        `{ cadres(first: 50) { edges { node {
           a: pathway(asOf: "2026-11-27") { eligible }
           b: pathway(asOf: "2020-01-01") { eligible } } } } }`,
      ),
    );
    expect(res.cadres.edges.length).toBeGreaterThan(10);
    expect(t.queries.queries.filter((q) => q.includes('WITH target AS')).length).toBe(2);
  });

  it('eligibleCadres: set-based, by unit subtree or by ids', async () => {
    const service = t.app.get(PathwayService);
    const head = await townshipHead({ 2025: 'COMPETENT' });
    const underCounty = await service.eligibleCadres(AS_OF, DEFAULT_POLICY, { unitId: county });
    expect(underCounty).toContainEqual({
      cadreId: head,
      currentLevel: 'TOWNSHIP_CHIEF',
      nextLevel: 'COUNTY_DEPUTY',
    });
    const ids = underCounty.map((e) => e.cadreId);
    for (const e of underCounty) {
      const p = await pathway(e.cadreId);
      expect(p).toMatchObject({ eligible: true, currentLevel: e.currentLevel, nextLevel: e.nextLevel });
    }
    // Nobody posted only in the bureaus is under the county.
    const inBureaus = await service.eligibleCadres(AS_OF, DEFAULT_POLICY, { unitId: bureaus[0] });
    expect(inBureaus.every((e) => !ids.includes(e.cadreId))).toBe(true);
    expect(await service.eligibleCadres(AS_OF, DEFAULT_POLICY, { cadreIds: [head] })).toHaveLength(1);
    // Earlier in the career the next step was township chief (2 years as deputy: from 2013-07-01).
    expect(await service.eligibleCadres('2013-06-30', DEFAULT_POLICY, { cadreIds: [head] })).toEqual([]);
    expect(await service.eligibleCadres('2013-07-01', DEFAULT_POLICY, { cadreIds: [head] })).toEqual([
      { cadreId: head, currentLevel: 'TOWNSHIP_DEPUTY', nextLevel: 'TOWNSHIP_CHIEF' },
    ]);
    const everyone = await service.eligibleCadres(AS_OF, DEFAULT_POLICY, {});
    expect(everyone.map((e) => e.cadreId)).toEqual(expect.arrayContaining(ids));
  });

  it('follows a newly published policy from its effective date, and the old one before it', async () => {
    // Four years from township deputy to chief instead of two.
    const document = {
      ...DEFAULT_POLICY,
      ladders: DEFAULT_POLICY.ladders.map((l) => ({
        ...l,
        steps: l.steps.map((s) => (s.from === 'TOWNSHIP_DEPUTY' ? { ...s, minYears: 4 } : s)),
      })),
    };
    // The versions already stored (a fresh database may hold more than the code's default: a migration publishes
    // a round's policy from its date when the default has moved on).
    const [{ latest }]: { latest: number }[] = await t.ds.query(
      `SELECT max(version)::int AS latest FROM policy_version`,
    );
    const published = await t.gql(
      `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { version } }`,
      { input: { effectiveFrom: '2099-01-01', document } },
    );
    expect(ok(published)).toEqual({ publishPolicy: { version: latest + 1 } });
    const c = await makeCadre(t.ds, { workStartDate: '2090-01-01', birthDate: '2065-01-01' });
    await makePosting(t.ds, c.id, townships[0], { startDate: '2096-01-01' });
    const now = await pathway(c.id, '2099-06-01');
    expect(now).toMatchObject({
      policyVersion: latest + 1,
      eligible: false,
      estimatedEligibleDate: '2100-01-01',
    });
    expect(req(now, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: false, required: 4, dateMet: '2100-01-01' });
    const before = await pathway(c.id, '2098-12-31');
    expect(before).toMatchObject({
      policyVersion: latest,
      eligible: true,
      estimatedEligibleDate: '2098-01-01',
    });
    expect(req(before, 'PROMO_TIME_IN_LEVEL')).toMatchObject({ met: true, required: 2 });
  });
});

describe('Cadre.pathway on the demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
  });
  afterAll(() => t.close());

  const byExternalId = async (externalId: string): Promise<string> => {
    const [row]: { id: string }[] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = $1`, [
      externalId,
    ]);
    return row.id;
  };
  const pathwayOf = async (id: string): Promise<Pathway> =>
    ok(await t.gql<{ cadre: { pathway: Pathway } }>(PATHWAY, { id, asOf: AS_OF })).cadre.pathway;

  it('DEMO-002, the township head kept too long, is eligible for COUNTY_DEPUTY', async () => {
    const id = await byExternalId('DEMO-002');
    const p = await pathwayOf(id);
    expect(p).toMatchObject({ currentLevel: 'TOWNSHIP_CHIEF', nextLevel: 'COUNTY_DEPUTY', eligible: true });
    // Every requirement met but the soft PROMO_TRAINING: his only course in the 24 months before (15 days at the
    // municipal Party school, April 2026) is short of the 30 days for county level; art. 8(5) lets it follow
    // within a year after appointment, so it is shown and does not bar him.
    expect(p.requirements.filter((r) => !r.met)).toEqual([
      expect.objectContaining({
        code: 'PROMO_TRAINING',
        current: 15,
        required: 30,
        unit: 'days of induction training: due within a year after appointment (by 2027-11-27 if appointed on 2026-11-27)',
      }),
    ]);
    const eligible = await t.app.get(PathwayService).eligibleCadres(AS_OF, DEFAULT_POLICY, {});
    expect(eligible).toContainEqual({
      cadreId: id,
      currentLevel: 'TOWNSHIP_CHIEF',
      nextLevel: 'COUNTY_DEPUTY',
    });
  });

  it('DEMO-003, the selected graduate, reaches PRINCIPAL_STAFF_4 on 2027-08-01', async () => {
    const p = await pathwayOf(await byExternalId('DEMO-003'));
    expect(p).toMatchObject({
      currentLevel: 'CLERK_1',
      nextLevel: 'PRINCIPAL_STAFF_4',
      eligible: false,
      estimatedEligibleDate: '2027-08-01',
    });
  });
});
