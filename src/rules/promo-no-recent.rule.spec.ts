import { facts, policy, rankFacts } from './facts/facts.fixture';
import { promoNoRecent } from './promo-no-recent.rule';

describe('PROMO_NO_RECENT', () => {
  it.each([
    ['promoted less than a year ago', '2025-12-01', '2026-11-27', false, '2026-12-01'],
    ['the day before the first anniversary', '2025-12-01', '2026-11-30', false, '2026-12-01'],
    ['exactly one year', '2025-12-01', '2026-12-01', true, '2026-12-01'],
    ['leap-day promotion: a year later is Feb 28', '2024-02-29', '2025-02-28', true, '2025-02-28'],
    ['leap-day promotion, the day before', '2024-02-29', '2025-02-27', false, '2025-02-28'],
  ])('%s', (_name, lastPromotionDate, asOf, met, dateMet) => {
    const r = promoNoRecent(facts({ currentLevel: 'TOWNSHIP_DEPUTY', lastPromotionDate }), policy, asOf);
    expect(r).toMatchObject({ code: 'PROMO_NO_RECENT', met, required: 1, dateMet });
  });

  it('reports years since the promotion', () => {
    const r = promoNoRecent(facts({ lastPromotionDate: '2026-05-27' }), policy, '2026-11-27');
    expect(r).toMatchObject({ met: false, current: 0.5, remaining: 0.5 });
  });

  it('does not apply to rank promotions, whose minimum years already exceed it', () => {
    expect(promoNoRecent(rankFacts(), policy, '2026-11-27')).toBeNull();
  });
});
