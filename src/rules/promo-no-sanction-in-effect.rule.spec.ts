import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { facts, policy, rankFacts } from './facts/facts.fixture';
import { promoNoSanctionInEffect } from './promo-no-sanction-in-effect.rule';
import { SanctionFact } from './sanction-effect';

const record = (over: Partial<SanctionFact> = {}): SanctionFact => ({
  id: 's1',
  kind: 'DEMERIT',
  decisionDate: '2026-03-12',
  effectiveDate: '2026-03-16',
  issuingBody: '白马县纪委监委',
  documentNumber: '白纪发〔2026〕5号',
  revokedOn: null,
  toleranceDecidedOn: null,
  toleranceBasis: null,
  ...over,
});

const evaluate = (sanctions: SanctionFact[], asOf: string, p: PolicyDocument = policy) =>
  promoNoSanctionInEffect(facts({ sanctions }), p, asOf);

describe('PROMO_NO_SANCTION_IN_EFFECT', () => {
  it('is met with no date and nothing listed when the cadre has no record', () => {
    expect(evaluate([], '2026-11-27')).toMatchObject({
      code: 'PROMO_NO_SANCTION_IN_EFFECT',
      met: true,
      current: 0,
      dateMet: null,
      facts: { sanctions: [] },
    });
  });

  it.each([
    // A demerit effective 2026-03-16 runs 12 months: its last day is 2027-03-15, met from 2027-03-16.
    ['in the middle of the period', 'DEMERIT', '2026-03-16', '2026-11-27', false, '2027-03-16'],
    ['on the effective date', 'DEMERIT', '2026-03-16', '2026-03-16', false, '2027-03-16'],
    ['on the last day of the period', 'DEMERIT', '2026-03-16', '2027-03-15', false, '2027-03-16'],
    ['the day the period has ended', 'DEMERIT', '2026-03-16', '2027-03-16', true, '2027-03-16'],
    ['the day before it takes effect', 'DEMERIT', '2026-03-16', '2026-03-15', true, null],
    // Month-end clamp, as PostgreSQL adds months: 2023-08-31 + 6 months is 29 February 2024.
    [
      'a warning running into 29 February: its last day 28 February',
      'WARNING',
      '2023-08-31',
      '2024-02-28',
      false,
      '2024-02-29',
    ],
    [
      'a warning running into 29 February: met on the 29th',
      'WARNING',
      '2023-08-31',
      '2024-02-29',
      true,
      '2024-02-29',
    ],
    [
      'effective on 29 February: a year later is 28 February',
      'DEMERIT',
      '2024-02-29',
      '2025-02-27',
      false,
      '2025-02-28',
    ],
    [
      'effective on 29 February, met on 28 February',
      'DEMERIT',
      '2024-02-29',
      '2025-02-28',
      true,
      '2025-02-28',
    ],
    ['a Party probation: 24 months', 'PARTY_PROBATION', '2025-01-10', '2026-11-27', false, '2027-01-10'],
    ['an admonishment: 6 months', 'ADMONISHMENT', '2026-06-01', '2026-11-30', false, '2026-12-01'],
  ])('%s', (_name, kind, effectiveDate, asOf, met, dateMet) => {
    const r = evaluate([record({ kind, decisionDate: effectiveDate, effectiveDate })], asOf);
    expect(r).toMatchObject({ met, dateMet, current: met ? 0 : 1 });
  });

  it('lists the record in effect with its dates, article and document', () => {
    const r = evaluate([record()], '2026-11-27');
    expect(r?.facts).toEqual({
      sanctions: [
        {
          sanctionId: 's1',
          kind: 'DEMERIT',
          effectiveDate: '2026-03-16',
          months: 12,
          endsOn: '2027-03-15',
          effectEndsOn: '2027-03-15',
          inEffect: true,
          liftedBy: null,
          revokedOn: null,
          tolerance: null,
          issuingBody: '白马县纪委监委',
          documentNumber: '白纪发〔2026〕5号',
          source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
        },
      ],
    });
  });

  describe('a revocation or a 容错 decision ends the effect from its date', () => {
    const basis = '三个区分开来：先行先试出现的失误';
    it.each([
      [
        'a 容错 decision dated on asOf: met that day',
        { toleranceDecidedOn: '2026-11-27', toleranceBasis: basis },
        true,
        '2026-11-27',
        'TOLERANCE',
      ],
      [
        'a 容错 decision the day after asOf: not yet',
        { toleranceDecidedOn: '2026-11-28', toleranceBasis: basis },
        false,
        '2026-11-28',
        null,
      ],
      [
        'a revocation dated on asOf: met that day',
        { revokedOn: '2026-11-27' },
        true,
        '2026-11-27',
        'REVOKED',
      ],
      ['a revocation before asOf', { revokedOn: '2026-06-01' }, true, '2026-06-01', 'REVOKED'],
      [
        'a decision after the period ended changes nothing',
        { toleranceDecidedOn: '2027-05-01', toleranceBasis: basis },
        true,
        '2027-03-16',
        null,
      ],
    ])('%s', (_name, over, met, dateMet, liftedBy) => {
      const asOf = dateMet === '2027-03-16' ? '2027-04-01' : '2026-11-27';
      const r = evaluate([record(over)], asOf);
      expect(r).toMatchObject({ met, dateMet });
      expect((r?.facts as { sanctions: { liftedBy: string | null }[] }).sanctions[0].liftedBy).toBe(liftedBy);
    });

    it('shows the 容错 decision with its basis beside the record', () => {
      const r = evaluate([record({ toleranceDecidedOn: '2026-09-15', toleranceBasis: basis })], '2026-11-27');
      expect((r?.facts as { sanctions: object[] }).sanctions[0]).toMatchObject({
        inEffect: false,
        effectEndsOn: '2026-09-14',
        endsOn: '2027-03-15',
        liftedBy: 'TOLERANCE',
        tolerance: { decidedOn: '2026-09-15', basis },
      });
    });

    it('a decision taken before the record took effect leaves it no effect at all', () => {
      const r = evaluate([record({ toleranceDecidedOn: '2026-03-13', toleranceBasis: basis })], '2026-03-20');
      expect(r).toMatchObject({ met: true });
    });
  });

  describe('several records: met the day the longest running chain ends', () => {
    it('the later of two overlapping periods', () => {
      const r = evaluate(
        [
          record(),
          record({ id: 's2', kind: 'WARNING', decisionDate: '2026-10-01', effectiveDate: '2026-10-01' }),
        ],
        '2026-11-27',
      );
      expect(r).toMatchObject({ met: false, current: 2, dateMet: '2027-04-01' });
    });

    it('one taking effect later but before the running one ends carries the date on', () => {
      const later = record({
        id: 's2',
        kind: 'MAJOR_DEMERIT',
        decisionDate: '2027-03-16',
        effectiveDate: '2027-03-16',
      });
      expect(evaluate([record(), later], '2026-11-27')).toMatchObject({
        met: false,
        current: 1,
        dateMet: '2028-09-16',
      });
    });

    it('one taking effect after a free day does not', () => {
      const later = record({ id: 's2', decisionDate: '2027-03-17', effectiveDate: '2027-03-17' });
      expect(evaluate([record(), later], '2026-11-27')).toMatchObject({ met: false, dateMet: '2027-03-16' });
    });
  });

  it('applies to rank promotions too', () => {
    const r = promoNoSanctionInEffect(rankFacts({ sanctions: [record()] }), policy, '2026-11-27');
    expect(r).toMatchObject({ met: false, dateMet: '2027-03-16' });
  });

  it('is not applied under a policy version without the sanction rules, nor at the top of a ladder', () => {
    const { SANCTION_PERIODS: _p, PROMO_NO_SANCTION_IN_EFFECT: _r, ...rules } = DEFAULT_POLICY.rules;
    const old = { ...DEFAULT_POLICY, rules } as PolicyDocument;
    expect(evaluate([record()], '2026-11-27', old)).toBeNull();
    const top = facts({ currentLevel: 'BUREAU_CHIEF', sanctions: [record()] });
    expect(promoNoSanctionInEffect(top, policy, '2026-11-27')).toBeNull();
  });

  it('reads each kind’s months from the policy', () => {
    const periods = {
      ...DEFAULT_POLICY.rules.SANCTION_PERIODS.params.periods,
      DEMERIT: { months: 3, source: 'local' },
    };
    const local: PolicyDocument = {
      ...DEFAULT_POLICY,
      rules: {
        ...DEFAULT_POLICY.rules,
        SANCTION_PERIODS: { ...DEFAULT_POLICY.rules.SANCTION_PERIODS, params: { periods } },
      },
    };
    expect(evaluate([record()], '2026-05-01', local)).toMatchObject({ met: false, dateMet: '2026-06-16' });
  });
});
