import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { facts, policy, rankFacts } from './facts/facts.fixture';
import { evaluatePathway } from './pathway';
import { promoExceptional } from './promo-exceptional.rule';

const specialist = { domain: 'CULTURAL_TOURISM', specialistDomains: ['CULTURAL_TOURISM'] };
// A county deputy promoted on 2024-02-29 (a leap day), one post in the band, with a specialist strength.
const deputy = (over = {}) =>
  facts({
    currentLevel: 'COUNTY_DEPUTY',
    levelStart: '2024-02-29',
    lastPromotionDate: '2024-02-29',
    postsByLevel: { COUNTY_DEPUTY: 1 },
    exceptional: specialist,
    ...over,
  });

describe('PROMO_EXCEPTIONAL (破格, art. 9 of the 2019 regulations)', () => {
  it.each([
    ['the day before a year since the last promotion (from 29 February)', '2025-02-27', false],
    ['a year to the day: 28 February', '2025-02-28', true],
  ])('%s', (_n, asOf, met) => {
    expect(promoExceptional(deputy(), policy, asOf)).toMatchObject({
      code: 'PROMO_EXCEPTIONAL',
      met,
      required: 1,
      dateMet: '2025-02-28',
      source: '党政领导干部选拔任用工作条例 (2019) art. 9',
    });
  });

  it('without SPECIALIST_STRENGTH in the post’s domain it is unmet, with no date', () => {
    const r = promoExceptional(
      deputy({ exceptional: { domain: 'TRANSPORT', specialistDomains: ['CULTURAL_TOURISM'] } }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, required: 'TRANSPORT', dateMet: null });
  });

  it('applies only on an exceptional list, to leadership steps, under a policy that has it', () => {
    expect(promoExceptional(deputy({ exceptional: undefined }), policy, '2026-11-27')).toBeNull();
    expect(promoExceptional(rankFacts({ exceptional: specialist }), policy, '2026-11-27')).toBeNull();
    const { PROMO_EXCEPTIONAL: _gone, ...rules } = DEFAULT_POLICY.rules;
    const old = { ...DEFAULT_POLICY, rules } as unknown as PolicyDocument;
    expect(promoExceptional(deputy(), old, '2026-11-27')).toBeNull();
  });

  it('the longer of probation and the wait since the last promotion counts', () => {
    const longer: PolicyDocument = {
      ...DEFAULT_POLICY,
      rules: {
        ...DEFAULT_POLICY.rules,
        PROMO_EXCEPTIONAL: {
          ...DEFAULT_POLICY.rules.PROMO_EXCEPTIONAL,
          params: { ...DEFAULT_POLICY.rules.PROMO_EXCEPTIONAL.params, probationMonths: 18 },
        },
      },
    };
    expect(promoExceptional(deputy(), longer, '2025-02-28')).toMatchObject({
      met: false,
      dateMet: '2025-08-29',
    });
  });

  it('sets aside the requirements it waives on an exceptional list, and only there', () => {
    const exceptional = evaluatePathway(deputy(), policy, '2025-02-28');
    expect(exceptional.requirements.map((r) => r.code)).toEqual([
      'PROMO_EDUCATION',
      'PROMO_APPRAISAL',
      'PROMO_EXCEPTIONAL',
      'PROMO_TRAINING',
      'PROMO_NO_SANCTION_IN_EFFECT',
    ]);
    expect(exceptional).toMatchObject({ nextLevel: 'COUNTY_CHIEF', eligible: true });
    const regular = evaluatePathway(deputy({ exceptional: undefined }), policy, '2025-02-28');
    expect(regular.requirements.map((r) => r.code)).toContain('PROMO_TWO_POSTS');
    expect(regular.requirements.map((r) => r.code)).not.toContain('PROMO_EXCEPTIONAL');
    expect(regular.eligible).toBe(false);
  });
});
