import { facts, policy, rankFacts, withParams } from './facts/facts.fixture';
import { promoTimeInLevel } from './promo-time-in-level.rule';

const g = (year: number, grade: string) => ({ year, grade });

describe('PROMO_TIME_IN_LEVEL, leadership', () => {
  it.each([
    [
      'chief → next deputy: 3 years, exact anniversary',
      'TOWNSHIP_CHIEF',
      '2015-09-01',
      '2018-09-01',
      true,
      3,
      '2018-09-01',
    ],
    [
      'chief → next deputy, the day before',
      'TOWNSHIP_CHIEF',
      '2015-09-01',
      '2018-08-31',
      false,
      3,
      '2018-09-01',
    ],
    ['deputy → chief: 2 years', 'TOWNSHIP_DEPUTY', '2024-03-01', '2026-03-01', true, 2, '2026-03-01'],
    [
      'leap-day start: 2 years later is Feb 28',
      'COUNTY_DEPUTY',
      '2016-02-29',
      '2018-02-28',
      true,
      2,
      '2018-02-28',
    ],
    ['leap-day start, the day before', 'COUNTY_DEPUTY', '2016-02-29', '2018-02-27', false, 2, '2018-02-28'],
  ])('%s', (_name, currentLevel, levelStart, asOf, met, required, dateMet) => {
    const r = promoTimeInLevel(facts({ currentLevel, levelStart }), policy, asOf);
    expect(r).toMatchObject({ code: 'PROMO_TIME_IN_LEVEL', met, required, dateMet });
  });

  it('appraisal grades do not move a leadership date', () => {
    const r = promoTimeInLevel(
      facts({ levelStart: '2024-01-01', appraisals: [g(2024, 'EXCELLENT'), g(2025, 'EXCELLENT')] }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, current: 2.9, remaining: 0.1, dateMet: '2027-01-01' });
  });

  it('a BASICALLY_COMPETENT, UNGRADED or INCOMPETENT year does not count toward post time either', () => {
    for (const grade of ['BASICALLY_COMPETENT', 'UNGRADED', 'INCOMPETENT']) {
      const f = facts({
        currentLevel: 'TOWNSHIP_DEPUTY',
        levelStart: '2024-01-01',
        appraisals: [g(2024, grade)],
      });
      expect(promoTimeInLevel(f, policy, '2026-11-27')).toMatchObject({
        met: false,
        current: 1.9,
        dateMet: '2027-01-01',
      });
      // The asOf date itself: met on the day.
      expect(promoTimeInLevel(f, policy, '2027-01-01')?.met).toBe(true);
      expect(promoTimeInLevel(f, policy, '2026-12-31')?.met).toBe(false);
    }
  });

  it('reads minimum years from the ladder step of the policy', () => {
    const p = {
      ...policy,
      ladders: policy.ladders.map((l) => ({
        ...l,
        steps: l.steps.map((s) => (s.from === 'TOWNSHIP_CHIEF' ? { ...s, minYears: 12 } : s)),
      })),
    };
    expect(promoTimeInLevel(facts(), p, '2026-11-27')).toMatchObject({ met: false, dateMet: '2027-09-01' });
  });

  it('does not apply at the top of the ladder', () => {
    expect(promoTimeInLevel(facts({ currentLevel: 'BUREAU_CHIEF' }), policy, '2026-11-27')).toBeNull();
  });
});

describe('PROMO_TIME_IN_LEVEL, ranks (with appraisal effects)', () => {
  it('the selected graduate: CLERK_1 since 2025-08-01 reaches PRINCIPAL_STAFF_4 on 2027-08-01', () => {
    const r = promoTimeInLevel(rankFacts(), policy, '2026-11-27');
    expect(r).toMatchObject({
      met: false,
      current: 1.32,
      required: 2,
      remaining: 0.68,
      dateMet: '2027-08-01',
    });
    expect(r?.unit).toBe('years at CLERK_1');
  });

  it('one EXCELLENT year: six months earlier', () => {
    const r = promoTimeInLevel(rankFacts({ appraisals: [g(2026, 'EXCELLENT')] }), policy, '2026-11-27');
    expect(r).toMatchObject({ met: false, current: 1.82, remaining: 0.18, dateMet: '2027-02-01' });
    expect(
      promoTimeInLevel(rankFacts({ appraisals: [g(2026, 'EXCELLENT')] }), policy, '2027-02-01')?.met,
    ).toBe(true);
    expect(
      promoTimeInLevel(rankFacts({ appraisals: [g(2026, 'EXCELLENT')] }), policy, '2027-01-31')?.met,
    ).toBe(false);
  });

  it('a BASICALLY_COMPETENT year does not count toward time', () => {
    const r = promoTimeInLevel(
      rankFacts({ appraisals: [g(2026, 'BASICALLY_COMPETENT')] }),
      policy,
      '2027-08-01',
    );
    expect(r).toMatchObject({ met: false, current: 1, remaining: 1, dateMet: '2028-08-01' });
  });

  it('reads the months an EXCELLENT year is worth from the policy', () => {
    const p = withParams('PROMO_APPRAISAL', { excellentShortensMonths: 12 });
    expect(
      promoTimeInLevel(rankFacts({ appraisals: [g(2026, 'EXCELLENT')] }), p, '2026-11-27')?.dateMet,
    ).toBe('2026-08-01');
  });

  it('rank minimum years come from the step (RESEARCHER_1 → INSPECTOR_2: 4 years)', () => {
    const r = promoTimeInLevel(
      rankFacts({ currentLevel: 'RESEARCHER_1', levelStart: '2022-11-27' }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: true, required: 4, remaining: 0, dateMet: '2026-11-27' });
  });
});
