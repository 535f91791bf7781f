import { facts, policy, withParams } from './facts/facts.fixture';
import { bandBelow, promoTwoPosts } from './promo-two-posts.rule';

describe('PROMO_TWO_POSTS', () => {
  it('the band below a target is the deputy and chief levels of the band under it', () => {
    expect(bandBelow(policy, 'COUNTY_DEPUTY')).toEqual(['TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF']);
    expect(bandBelow(policy, 'COUNTY_CHIEF')).toEqual(['TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF']);
    expect(bandBelow(policy, 'BUREAU_DEPUTY')).toEqual(['COUNTY_DEPUTY', 'COUNTY_CHIEF']);
    expect(bandBelow(policy, 'TOWNSHIP_CHIEF')).toEqual([]);
  });

  it('counts posts at both levels of the band together', () => {
    const r = promoTwoPosts(
      facts({ postsByLevel: { TOWNSHIP_DEPUTY: 1, TOWNSHIP_CHIEF: 1 } }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ code: 'PROMO_TWO_POSTS', met: true, current: 2, required: 2, remaining: 0 });
    expect(r?.dateMet).toBeNull();
  });

  it('one post is not enough, and time will not fix it', () => {
    const r = promoTwoPosts(facts({ postsByLevel: { TOWNSHIP_CHIEF: 1, CLERK_1: 3 } }), policy, '2026-11-27');
    expect(r).toMatchObject({ met: false, current: 1, remaining: 1, dateMet: null });
  });

  it('posts outside the band do not count', () => {
    const r = promoTwoPosts(
      facts({ currentLevel: 'COUNTY_DEPUTY', postsByLevel: { TOWNSHIP_DEPUTY: 2, COUNTY_DEPUTY: 1 } }),
      policy,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: true, current: 2 });
    const toBureau = promoTwoPosts(
      facts({ currentLevel: 'COUNTY_CHIEF', postsByLevel: { TOWNSHIP_DEPUTY: 2, COUNTY_CHIEF: 1 } }),
      policy,
      '2026-11-27',
    );
    expect(toBureau).toMatchObject({ met: false, current: 1 });
  });

  it('does not apply to targets outside appliesToLevels, or ranks', () => {
    expect(promoTwoPosts(facts({ currentLevel: 'TOWNSHIP_DEPUTY' }), policy, '2026-11-27')).toBeNull();
    expect(
      promoTwoPosts(facts({ currentLevel: 'CLERK_1', ladder: 'RANK' }), policy, '2026-11-27'),
    ).toBeNull();
  });

  it('reads the number of posts from the policy', () => {
    const p = withParams('PROMO_TWO_POSTS', { posts: 3 });
    const r = promoTwoPosts(
      facts({ postsByLevel: { TOWNSHIP_DEPUTY: 1, TOWNSHIP_CHIEF: 1 } }),
      p,
      '2026-11-27',
    );
    expect(r).toMatchObject({ met: false, required: 3, remaining: 1 });
  });
});
