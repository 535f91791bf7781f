import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { flagsOf, makeAchievement, makeTraining } from './flags-helpers';

describe('flags: training and specialist strengths', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ds)).id;
  });
  afterAll(() => t.close());

  async function cadreAt(level: string, startDate: string): Promise<string> {
    const { id } = await makeCadre(t.ds, { workStartDate: '2005-07-01', birthDate: '1980-01-01' });
    await makePosting(t.ds, id, unitId, { level, startDate, title: 'Post' });
    return id;
  }
  const only = async (cadreId: string, asOf: string, code: string) =>
    (await flagsOf(t, cadreId, asOf)).filter((f) => f.code === code);

  describe('TRAINING_SHORTFALL', () => {
    it('judges the current year pro-rated to the date (INFO), centralised kinds only', async () => {
      const id = await cadreAt('CLERK_1', '2024-08-01');
      await makeTraining(t.ds, id, { startDate: '2026-03-09', endDate: '2026-03-10', classHours: 20 });
      await makeTraining(t.ds, id, {
        startDate: '2026-01-01',
        endDate: '2026-01-01',
        classHours: 10,
        kind: 'ONLINE',
      });
      await makeTraining(t.ds, id, {
        startDate: '2026-02-01',
        endDate: '2026-02-01',
        classHours: 10,
        kind: 'ON_THE_JOB',
      });
      await makeTraining(t.ds, id, { startDate: '2025-12-20', endDate: '2025-12-31', classHours: 90 }); // last year: met
      await makeTraining(t.ds, id, {
        startDate: '2026-05-01',
        endDate: '2026-05-05',
        classHours: 40,
        completed: false,
      });
      await makeTraining(t.ds, id, { startDate: '2026-11-28', endDate: '2026-11-30', classHours: 70 }); // after asOf
      const [f, ...rest] = await only(id, '2026-11-27', 'TRAINING_SHORTFALL');
      expect(rest).toEqual([]);
      // 90 × 330 / 365 = 81.4 hours due by 2026-11-27 (330 days elapsed since 1 January); 12 × 330 / 365 = 10.8 days
      expect(f).toMatchObject({
        severity: 'INFO',
        ruleId: 'TRAINING_ANNUAL',
        facts: {
          year: 2026,
          hoursCompleted: 20,
          hoursRequired: 81.4,
          hoursMissing: 61.4,
          daysCompleted: 2,
          daysRequired: 10.8,
          proRated: true,
          bandStart: '2024-08-01',
          level: 'CLERK_1',
        },
      });
      expect(f.message).toBe(
        '2026 年已完成 20 学时（或 2 天），要求 81.4 学时（或 10.8 天，按比例折算），还差 61.4 学时。',
      );
      // With the later course (90 hours by 2026-11-30), nothing is short on 31 December.
      expect(await only(id, '2026-12-31', 'TRAINING_SHORTFALL')).toEqual([]);
    });

    it('counts 12.5-hour courses exactly and clears at the pro-rated requirement', async () => {
      const id = await cadreAt('TOWNSHIP_DEPUTY', '2020-01-01');
      await makeTraining(t.ds, id, { startDate: '2025-06-01', endDate: '2025-06-01', classHours: 90 });
      await makeTraining(t.ds, id, { endDate: '2026-02-01', startDate: '2026-02-01', classHours: 69 });
      expect((await only(id, '2026-11-27', 'TRAINING_SHORTFALL'))[0].facts).toMatchObject({
        hoursCompleted: 69,
        hoursMissing: 12.4,
      });
      await makeTraining(t.ds, id, { endDate: '2026-03-01', startDate: '2026-03-01', classHours: 12.5 });
      expect(await only(id, '2026-11-27', 'TRAINING_SHORTFALL')).toEqual([]);
    });

    it('uses the rolling 5 years for county level and above: (asOf − 5 years, asOf]', async () => {
      const id = await cadreAt('COUNTY_DEPUTY', '2019-01-01');
      await makeTraining(t.ds, id, { startDate: '2021-11-27', endDate: '2021-11-27', classHours: 100 }); // outside
      await makeTraining(t.ds, id, { startDate: '2021-11-28', endDate: '2021-11-28', classHours: 300 }); // first day in
      await makeTraining(t.ds, id, { startDate: '2026-11-27', endDate: '2026-11-27', classHours: 200 }); // last day in
      const flags = await only(id, '2026-11-27', 'TRAINING_SHORTFALL');
      expect(flags).toEqual([
        expect.objectContaining({
          ruleId: 'TRAINING_5Y',
          severity: 'WARNING',
          facts: expect.objectContaining({
            windowStart: '2021-11-28',
            windowEnd: '2026-11-27',
            hoursCompleted: 500,
            hoursRequired: 550,
            hoursMissing: 50,
            proRated: false,
          }),
        }),
      ]);
      expect(await only(id, '2026-11-26', 'TRAINING_SHORTFALL')).toEqual([
        expect.objectContaining({ facts: expect.objectContaining({ hoursCompleted: 400 }) }),
      ]);
    });

    it('raises nothing for a cadre without a current posting', async () => {
      const { id } = await makeCadre(t.ds);
      expect(await flagsOf(t, id, '2026-11-27')).toEqual([]);
    });
  });

  describe('INDUCTION_TRAINING_DUE', () => {
    it('is due (INFO) within the year after appointment, overdue (WARNING) after it', async () => {
      const id = await cadreAt('TOWNSHIP_DEPUTY', '2026-03-01');
      const [due] = await only(id, '2026-11-27', 'INDUCTION_TRAINING_DUE');
      expect(due).toMatchObject({
        severity: 'INFO',
        ruleId: 'INDUCTION_TRAINING',
        facts: { appointedOn: '2026-03-01', deadline: '2027-03-01', daysRequired: 15, overdue: false },
        overBy: -94,
      });
      const [late] = await only(id, '2027-03-01', 'INDUCTION_TRAINING_DUE');
      expect(late).toMatchObject({ severity: 'WARNING', facts: { overdue: true }, overBy: 0 });
    });

    it.each<[string, { kind: string; startDate: string; endDate: string } | null, boolean]>([
      [
        '15 days at a party school clears it',
        { kind: 'PARTY_SCHOOL', startDate: '2026-05-01', endDate: '2026-05-15' },
        false,
      ],
      [
        '14 days are not enough',
        { kind: 'PARTY_SCHOOL', startDate: '2026-05-01', endDate: '2026-05-14' },
        true,
      ],
      [
        'online courses do not qualify',
        { kind: 'ONLINE', startDate: '2026-05-01', endDate: '2026-05-31' },
        true,
      ],
      [
        'training before the appointment does not count',
        { kind: 'UNIVERSITY', startDate: '2026-01-01', endDate: '2026-02-28' },
        true,
      ],
      [
        'a course not finished by asOf does not count yet',
        { kind: 'UNIVERSITY', startDate: '2026-11-20', endDate: '2026-12-10' },
        true,
      ],
    ])('%s', async (_name, course, stillDue) => {
      const id = await cadreAt('TOWNSHIP_DEPUTY', '2026-03-01');
      if (course) await makeTraining(t.ds, id, { ...course, classHours: 80 });
      expect(await only(id, '2026-11-27', 'INDUCTION_TRAINING_DUE')).toHaveLength(stillDue ? 1 : 0);
    });

    it('needs 30 days at county level, and a transfer at the same level is not a new appointment', async () => {
      const { id } = await makeCadre(t.ds);
      const other = (await makeUnit(t.ds)).id;
      await makePosting(t.ds, id, other, {
        level: 'COUNTY_DEPUTY',
        startDate: '2025-06-01',
        endDate: '2026-01-31',
      });
      await makePosting(t.ds, id, unitId, { level: 'COUNTY_DEPUTY', startDate: '2026-02-01' });
      const [f] = await only(id, '2026-11-27', 'INDUCTION_TRAINING_DUE');
      expect(f.facts).toMatchObject({
        appointedOn: '2025-06-01',
        deadline: '2026-06-01',
        daysRequired: 30,
        overdue: true,
      });
    });

    it('does not apply to rank postings', async () => {
      const id = await cadreAt('PRINCIPAL_STAFF_2', '2026-03-01');
      expect(await only(id, '2026-11-27', 'INDUCTION_TRAINING_DUE')).toEqual([]);
    });
  });

  describe('SPECIALIST_STRENGTH', () => {
    it.each<[string, Parameters<typeof makeAchievement>[2][], string[] | null]>([
      [
        'two verified within 5 years',
        [{ achievedOn: '2022-01-01' }, { achievedOn: '2026-11-27' }],
        ['COUNT'],
      ],
      ['two, but one older than 5 years', [{ achievedOn: '2021-11-27' }, { achievedOn: '2026-01-01' }], null],
      [
        'one recognised at province level within five years',
        [{ recognitionLevel: 'PROVINCE', achievedOn: '2022-01-01' }],
        ['RECOGNITION'],
      ],
      // Recognition no longer counts for ever (#16): recognitionWindowYears, 5 by default.
      [
        'one recognised at province level more than five years ago',
        [{ recognitionLevel: 'PROVINCE', achievedOn: '2010-01-01' }],
        null,
      ],
      ['one recognised nationally', [{ recognitionLevel: 'NATIONAL' }], ['RECOGNITION']],
      ['one at prefecture level is not enough', [{ recognitionLevel: 'PREFECTURE' }], null],
      [
        'a measured improvement (lower is better): 38.5 → 4.7 %',
        [{ impact: { baseline: 38.5, result: 4.7, betterWhen: 'LOWER' } }],
        ['IMPROVEMENT'],
      ],
      [
        'exactly 50% (higher is better)',
        [{ impact: { baseline: 200, result: 300, betterWhen: 'HIGHER' } }],
        ['IMPROVEMENT'],
      ],
      ['49.9% is not enough', [{ impact: { baseline: 1000, result: 1499, betterWhen: 'HIGHER' } }], null],
      [
        'improvement in the wrong direction',
        [{ impact: { baseline: 10, result: 30, betterWhen: 'LOWER' } }],
        null,
      ],
      [
        'claimed achievements never count',
        [
          { status: 'CLAIMED', recognitionLevel: 'NATIONAL' },
          { status: 'CLAIMED', impact: { baseline: 10, result: 1, betterWhen: 'LOWER' } },
          { status: 'CLAIMED' },
        ],
        null,
      ],
      [
        'rejected achievements never count',
        [{ status: 'REJECTED', recognitionLevel: 'NATIONAL' }, { status: 'REJECTED' }],
        null,
      ],
      [
        'achievements after asOf do not count',
        [{ recognitionLevel: 'PROVINCE', achievedOn: '2026-11-28' }],
        null,
      ],
      [
        'all criteria at once',
        [
          { achievedOn: '2025-01-01', recognitionLevel: 'PROVINCE' },
          { achievedOn: '2026-01-01', impact: { baseline: 180000, result: 410000, betterWhen: 'HIGHER' } },
        ],
        ['COUNT', 'RECOGNITION', 'IMPROVEMENT'],
      ],
    ])('%s', async (_name, achievements, criteria) => {
      const { id } = await makeCadre(t.ds);
      const ids: string[] = [];
      for (const a of achievements) ids.push((await makeAchievement(t.ds, id, a)).id);
      const flags = await only(id, '2026-11-27', 'SPECIALIST_STRENGTH');
      if (criteria === null) return expect(flags).toEqual([]);
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({
        severity: 'INFO',
        ruleId: 'SPECIALIST',
        facts: { domain: 'TRANSPORT', criteria },
      });
      expect([...(flags[0].facts.achievementIds as string[])].sort()).toEqual(
        ids.filter((_, i) => achievements[i].achievedOn !== '2021-11-27').sort(),
      );
    });

    it('raises one flag per domain, and reports the best improvement', async () => {
      const { id } = await makeCadre(t.ds);
      await makeAchievement(t.ds, id, {
        domain: 'TRANSPORT',
        impact: { baseline: 38.5, result: 4.7, betterWhen: 'LOWER' },
      });
      await makeAchievement(t.ds, id, { domain: 'CULTURAL_TOURISM', recognitionLevel: 'PROVINCE' });
      await makeAchievement(t.ds, id, { domain: 'AGRICULTURE_MARKETING', recognitionLevel: 'COUNTY' });
      const flags = await only(id, '2026-11-27', 'SPECIALIST_STRENGTH');
      expect(flags.map((f) => f.facts.domain).sort()).toEqual(['CULTURAL_TOURISM', 'TRANSPORT']);
      expect(flags.find((f) => f.facts.domain === 'TRANSPORT')?.facts.bestImprovementPercent).toBe(87.8);
    });
  });
});
