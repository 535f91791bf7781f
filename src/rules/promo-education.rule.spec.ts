import { facts, policy } from './facts/facts.fixture';
import { promoEducation } from './promo-education.rule';

describe('PROMO_EDUCATION', () => {
  it.each([
    ['college for a county deputy post', 'TOWNSHIP_CHIEF', 'COLLEGE', true, 'COLLEGE'],
    ['secondary for a county deputy post', 'TOWNSHIP_CHIEF', 'SECONDARY', false, 'COLLEGE'],
    ['college for a bureau deputy post', 'COUNTY_CHIEF', 'COLLEGE', false, 'BACHELOR'],
    ['bachelor for a bureau deputy post', 'COUNTY_CHIEF', 'BACHELOR', true, 'BACHELOR'],
    ['doctorate for a bureau chief post', 'BUREAU_DEPUTY', 'DOCTORATE', true, 'BACHELOR'],
  ])('%s', (_name, currentLevel, educationLevel, met, required) => {
    const r = promoEducation(facts({ currentLevel, educationLevel }), policy, '2026-11-27');
    expect(r).toMatchObject({
      code: 'PROMO_EDUCATION',
      met,
      current: educationLevel,
      required,
      remaining: met ? null : required,
      dateMet: null,
    });
  });

  it('does not apply to rank promotions', () => {
    expect(
      promoEducation(
        facts({ currentLevel: 'CLERK_1', ladder: 'RANK', educationLevel: 'SECONDARY' }),
        policy,
        '2026-11-27',
      ),
    ).toBeNull();
  });
});
