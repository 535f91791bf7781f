import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { facts, policy, rankFacts } from './facts/facts.fixture';
import { promoPartyAge } from './promo-party-age.rule';

// A township chief in a Party committee (target COUNTY_DEPUTY: 3 years), who joined on a leap day.
const secretary = (over = {}) => facts({ unitKind: 'PARTY_COMMITTEE', partyJoinDate: '2016-02-29', ...over });

describe('PROMO_PARTY_AGE', () => {
  it.each([
    ['the day before three years (from 29 February)', '2019-02-27', false],
    ['three years to the day: 28 February', '2019-02-28', true],
  ])('%s', (_n, asOf, met) => {
    expect(promoPartyAge(secretary(), policy, asOf)).toMatchObject({
      code: 'PROMO_PARTY_AGE',
      met,
      required: 3,
      dateMet: '2019-02-28',
      unit: 'years of Party membership',
    });
  });

  it('bureau-level posts need five years', () => {
    const r = promoPartyAge(secretary({ currentLevel: 'COUNTY_CHIEF' }), policy, '2026-11-27');
    expect(r).toMatchObject({ met: true, required: 5, dateMet: '2021-02-28' });
    expect(r?.source).toContain('art. 8(7)');
  });

  it('a non-member cannot meet it: unmet with no date', () => {
    expect(promoPartyAge(secretary({ partyJoinDate: null }), policy, '2026-11-27')).toMatchObject({
      met: false,
      current: null,
      dateMet: null,
    });
  });

  it('applies to Party posts only: by the current unit’s kind, unless a list says otherwise', () => {
    expect(promoPartyAge(secretary({ unitKind: 'GOVERNMENT' }), policy, '2026-11-27')).toBeNull();
    expect(
      promoPartyAge(secretary({ unitKind: 'GOVERNMENT', partyPost: true }), policy, '2026-11-27'),
    ).toMatchObject({
      met: true,
    });
    expect(promoPartyAge(secretary({ partyPost: false }), policy, '2026-11-27')).toBeNull();
  });

  it('not for township targets (no number), rank steps, or a policy version without the rule', () => {
    expect(promoPartyAge(secretary({ currentLevel: 'TOWNSHIP_DEPUTY' }), policy, '2026-11-27')).toBeNull();
    expect(promoPartyAge(rankFacts({ unitKind: 'PARTY_COMMITTEE' }), policy, '2026-11-27')).toBeNull();
    const { PROMO_PARTY_AGE: _gone, ...rules } = DEFAULT_POLICY.rules;
    const old = { ...DEFAULT_POLICY, rules } as unknown as PolicyDocument;
    expect(promoPartyAge(secretary(), old, '2026-11-27')).toBeNull();
  });
});
