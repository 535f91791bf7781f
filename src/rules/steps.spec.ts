import { DEFAULT_POLICY } from '../policy/default-policy';
import { withParams } from './facts/facts.fixture';
import { stepRows, stepTo } from './steps';

describe('stepRows', () => {
  it('gives a leadership step every rule that applies to its target, with the policy’s thresholds', () => {
    expect(stepTo(DEFAULT_POLICY, 'COUNTY_DEPUTY')).toEqual({
      from_level: 'TOWNSHIP_CHIEF',
      to_level: 'COUNTY_DEPUTY',
      ladder: 'LEADERSHIP',
      min_months: 36,
      years_adjusted: true, // a year that does not count does not count on either ladder
      excellent_adjusted: false, // EXCELLENT shortens rank time only
      work_months: 60,
      grassroots_days: 731, // 2 × 365.25, rounded up, as promoGrassrootsYears counts
      posts_needed: 2,
      band: ['TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF'],
      education_min: 1, // COLLEGE in the education order
      exceptional_months: 12,
      party_age_months: 36,
      party_unit_kinds: ['PARTY_COMMITTEE'],
    });
  });

  it('leaves out what does not apply: county-and-above rules below the county, leadership rules on ranks', () => {
    expect(stepTo(DEFAULT_POLICY, 'TOWNSHIP_CHIEF')).toMatchObject({
      work_months: null,
      grassroots_days: null,
      posts_needed: null,
      band: [],
      education_min: 1,
      exceptional_months: 12,
    });
    expect(stepTo(DEFAULT_POLICY, 'PRINCIPAL_STAFF_4')).toMatchObject({
      ladder: 'RANK',
      min_months: 24,
      years_adjusted: true,
      excellent_adjusted: true,
      work_months: null,
      grassroots_days: null,
      posts_needed: null,
      education_min: null,
      exceptional_months: null,
    });
    expect(stepTo(DEFAULT_POLICY, 'BUREAU_DEPUTY')?.education_min).toBe(2); // BACHELOR
  });

  it('follows a changed policy, and has no step to the bottom of a ladder', () => {
    const policy = withParams('PROMO_GRASSROOTS_YEARS', { years: 3 });
    expect(stepTo(policy, 'COUNTY_DEPUTY')?.grassroots_days).toBe(1096);
    expect(stepTo(DEFAULT_POLICY, 'TOWNSHIP_DEPUTY')).toBeUndefined();
    expect(stepRows(DEFAULT_POLICY)).toHaveLength(16);
  });
});
