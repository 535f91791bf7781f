import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { flagsOf, makeTraining } from './flags-helpers';

/**
 * The training windows as 干部教育培训工作条例 (2023) art. 14 means them (issue 16): the last completed year judged
 * (WARNING), the current year pro-rated to the date (INFO), the 5-year window not before entry to the band and
 * pro-rated until the band has lasted 5 years, centralised kinds only, the days alternatives, and induction
 * sessions adding up. Read over HTTP (Cadre.flags, from the spans), at the boundary days.
 */
describe('training windows (TRAINING_ANNUAL, TRAINING_5Y, INDUCTION_TRAINING)', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ds)).id;
    // The dates below run past 2026-12-05, from which migration 1764237000000 publishes a document without the
    // days alternatives and counting kinds; the code's default is published after it, as a deployment would.
    await t.ds.query(
      `INSERT INTO policy_version (version, effective_from, document)
       SELECT max(version) + 1, DATE '2026-12-06', $1::jsonb FROM policy_version`,
      [JSON.stringify(DEFAULT_POLICY)],
    );
  });
  afterAll(() => t.close());

  async function cadre(
    ...postings: { level: string; startDate: string; endDate?: string }[]
  ): Promise<string> {
    const { id } = await makeCadre(t.ds, { workStartDate: '2005-07-01', birthDate: '1980-01-01' });
    for (const p of postings) await makePosting(t.ds, id, unitId, { title: 'Post', endDate: null, ...p });
    return id;
  }
  const shortfall = async (cadreId: string, asOf: string) =>
    (await flagsOf(t, cadreId, asOf)).filter((f) => f.code === 'TRAINING_SHORTFALL');
  const course = (
    id: string,
    endDate: string,
    classHours: number,
    kind = 'PARTY_SCHOOL',
    startDate = endDate,
  ) => makeTraining(t.ds, id, { kind, startDate, endDate, classHours });

  describe('TRAINING_ANNUAL', () => {
    it('a completed year with no training at all is a WARNING for that year, from 1 January on', async () => {
      const id = await cadre({ level: 'TOWNSHIP_DEPUTY', startDate: '2020-01-01' });
      await course(id, '2025-06-01', 90);
      // 31 December 2026: the current year, 364 of 365 days elapsed: 89.8 hours due, INFO
      expect(await shortfall(id, '2026-12-31')).toEqual([
        expect.objectContaining({
          severity: 'INFO',
          facts: expect.objectContaining({ year: 2026, hoursCompleted: 0, hoursRequired: 89.8 }),
        }),
      ]);
      // 1 January 2027: 2026 is judged in full
      expect(await shortfall(id, '2027-01-01')).toEqual([
        expect.objectContaining({
          severity: 'WARNING',
          ruleId: 'TRAINING_ANNUAL',
          message: '2026 年已完成 0 学时（或 0 天），要求 90 学时（或 12 天），还差 90 学时。',
          facts: expect.objectContaining({ year: 2026, hoursRequired: 90, proRated: false }),
        }),
      ]);
    });

    it('nobody is flagged on 1 January for the new year; mid-January only the days elapsed are due', async () => {
      const id = await cadre({ level: 'TOWNSHIP_CHIEF', startDate: '2020-01-01' });
      await course(id, '2026-05-10', 90);
      expect(await shortfall(id, '2027-01-01')).toEqual([]);
      // 14 days elapsed: 90 × 14 / 365 = 3.5 hours
      expect(await shortfall(id, '2027-01-15')).toEqual([
        expect.objectContaining({
          severity: 'INFO',
          facts: expect.objectContaining({ year: 2027, hoursRequired: 3.5, proRated: true }),
        }),
      ]);
      await course(id, '2027-01-14', 4);
      expect(await shortfall(id, '2027-01-15')).toEqual([]);
    });

    it('29 February: 59 of 366 days elapsed in a leap year', async () => {
      const id = await cadre({ level: 'CLERK_2', startDate: '2020-01-01' });
      await course(id, '2027-03-01', 90);
      await course(id, '2028-02-28', 14);
      // 90 × 59 / 366 = 14.508…
      expect(await shortfall(id, '2028-02-29')).toEqual([
        expect.objectContaining({
          severity: 'INFO',
          facts: expect.objectContaining({ hoursRequired: 14.5, hoursMissing: 0.5 }),
        }),
      ]);
      await course(id, '2028-02-29', 0.6); // 14.6 hours (and 2 days ≥ 12 × 59 / 366)
      expect(await shortfall(id, '2028-02-29')).toEqual([]);
    });

    it('the year of entry is pro-rated to the days in the band (case 3: a selected graduate from 1 August)', async () => {
      const id = await cadre({ level: 'CLERK_1', startDate: '2025-08-01' });
      // 153 of 365 days in 2025: 90 × 153 / 365 = 37.73 hours
      await course(id, '2025-12-10', 37.8);
      expect(await shortfall(id, '2026-01-01')).toEqual([]);
      const id2 = await cadre({ level: 'CLERK_1', startDate: '2025-08-01' });
      await course(id2, '2025-12-10', 37.6);
      expect(await shortfall(id2, '2026-01-01')).toEqual([
        expect.objectContaining({
          severity: 'WARNING',
          facts: expect.objectContaining({
            year: 2025,
            hoursRequired: 37.7,
            bandStart: '2025-08-01',
            proRated: true,
          }),
        }),
      ]);
    });

    it('12 days of centralised training meet the year whatever the hours; online and on-the-job hours do not', async () => {
      const id = await cadre({ level: 'TOWNSHIP_DEPUTY', startDate: '2020-01-01' });
      await course(id, '2025-03-12', 24, 'FULL_TIME_CLASS', '2025-03-01');
      expect(await shortfall(id, '2026-01-01')).toEqual([]);
      const id2 = await cadre({ level: 'TOWNSHIP_DEPUTY', startDate: '2020-01-01' });
      await course(id2, '2025-03-11', 24, 'PARTY_SCHOOL', '2025-03-01'); // 11 days
      await course(id2, '2025-05-01', 60, 'ONLINE');
      await course(id2, '2025-06-01', 60, 'ON_THE_JOB');
      expect(await shortfall(id2, '2026-01-01')).toEqual([
        expect.objectContaining({
          severity: 'WARNING',
          facts: expect.objectContaining({ hoursCompleted: 24, daysCompleted: 11, daysRequired: 12 }),
        }),
      ]);
    });
  });

  describe('TRAINING_5Y', () => {
    it('a new county deputy is not flagged on the day of promotion; hours before it do not count', async () => {
      const id = await cadre(
        { level: 'TOWNSHIP_CHIEF', startDate: '2020-01-01', endDate: '2026-05-31' },
        { level: 'COUNTY_DEPUTY', startDate: '2026-06-01' },
      );
      await course(id, '2026-05-31', 100);
      expect(await shortfall(id, '2026-06-01')).toEqual([]);
      // 179 of the 1826 days of the band's first 5 years: 550 × 179 / 1826 = 53.9 hours
      expect(await shortfall(id, '2026-11-27')).toEqual([
        expect.objectContaining({
          severity: 'INFO',
          ruleId: 'TRAINING_5Y',
          facts: expect.objectContaining({
            windowStart: '2026-06-01',
            hoursCompleted: 0,
            hoursRequired: 53.9,
            bandStart: '2026-06-01',
            proRated: true,
          }),
        }),
      ]);
      await course(id, '2026-06-01', 54);
      expect(await shortfall(id, '2026-11-27')).toEqual([]);
    });

    it('entered on 29 February: pro-rated to 2029-02-27, in full (WARNING) from 2029-02-28', async () => {
      const id = await cadre({ level: 'COUNTY_DEPUTY', startDate: '2024-02-29' });
      // 550 × 1825 / 1826 = 549.7 hours due on 2029-02-27
      await course(id, '2024-03-01', 549.8);
      expect(await shortfall(id, '2029-02-27')).toEqual([]);
      expect(await shortfall(id, '2029-02-28')).toEqual([
        expect.objectContaining({
          severity: 'WARNING',
          facts: expect.objectContaining({ hoursCompleted: 549.8, hoursRequired: 550, proRated: false }),
        }),
      ]);
    });

    it('90 days of centralised training meet the window whatever the hours', async () => {
      const id = await cadre({ level: 'RESEARCHER_4', startDate: '2015-01-01' });
      await course(id, '2025-03-31', 300, 'UNIVERSITY', '2025-01-01');
      expect(await shortfall(id, '2026-11-27')).toEqual([]);
    });

    it.each([
      ['tolerance − 1 days', '2025-03-31', '2020-01-01'],
      ['tolerance days', '2025-04-01', '2020-01-01'],
      ['tolerance + 1 days', '2025-04-02', '2025-04-02'],
    ])('a re-appointment after a gap of %s keeps the band (or starts a new one)', async (_n, again, band) => {
      const id = await cadre(
        { level: 'COUNTY_DEPUTY', startDate: '2020-01-01', endDate: '2024-12-31' },
        { level: 'COUNTY_DEPUTY', startDate: again },
      );
      const [f] = await shortfall(id, '2025-06-01');
      expect(f.facts).toMatchObject({ bandStart: band, proRated: band !== '2020-01-01' });
      expect(f.severity).toBe(band === '2020-01-01' ? 'WARNING' : 'INFO');
    });
  });

  describe('INDUCTION_TRAINING', () => {
    const due = async (id: string) =>
      (await flagsOf(t, id, '2026-11-27')).filter((f) => f.code === 'INDUCTION_TRAINING_DUE');

    it('two 8-day sessions add up to 16 ≥ 15 days', async () => {
      const id = await cadre({ level: 'TOWNSHIP_DEPUTY', startDate: '2026-03-01' });
      await course(id, '2026-04-08', 40, 'PARTY_SCHOOL', '2026-04-01');
      expect(await due(id)).toHaveLength(1);
      await course(id, '2026-09-08', 40, 'CADRE_ACADEMY', '2026-09-01');
      expect(await due(id)).toEqual([]);
    });

    it('sessions of other kinds, or before the appointment, do not add up', async () => {
      const id = await cadre({ level: 'TOWNSHIP_DEPUTY', startDate: '2026-03-01' });
      await course(id, '2026-02-08', 40, 'PARTY_SCHOOL', '2026-02-01');
      await course(id, '2026-04-08', 40, 'PARTY_SCHOOL', '2026-04-01');
      await course(id, '2026-05-08', 40, 'ONLINE', '2026-05-01');
      expect(await due(id)).toHaveLength(1);
    });
  });
});
