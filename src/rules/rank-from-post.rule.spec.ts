import { DomainError } from '../common/errors/domain-error';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { facts, policy, rankFacts } from './facts/facts.fixture';
import { validateParams } from './params';
import { evaluatePathway } from './pathway';
import { promoTimeInLevel } from './promo-time-in-level.rule';
import { lowestRankByPost, rankFromPostRule } from './rank-from-post.rule';

const LEVELS = new Set(DEFAULT_POLICY.ladders.flatMap((l) => l.steps.flatMap((s) => [s.from, s.to])));
const check = (correspondence: unknown) => () =>
  validateParams(rankFromPostRule.params, { correspondence }, 'document.rules.RANK_FROM_POST.params', LEVELS);

// DEMO-009's shape: a township deputy since 2024-05-27 whose time counts toward PRINCIPAL_STAFF_3.
const deputy = (levelStart: string) =>
  rankFacts({ currentLevel: 'PRINCIPAL_STAFF_4', levelStart, rankFromPost: 'TOWNSHIP_DEPUTY' });

describe('RANK_FROM_POST (职务与职级并行)', () => {
  it('maps each leadership level to its lowest corresponding rank', () => {
    expect(lowestRankByPost(policy)).toEqual({
      TOWNSHIP_DEPUTY: 'PRINCIPAL_STAFF_4',
      TOWNSHIP_CHIEF: 'PRINCIPAL_STAFF_2',
      COUNTY_DEPUTY: 'RESEARCHER_4',
      COUNTY_CHIEF: 'RESEARCHER_2',
      BUREAU_DEPUTY: 'INSPECTOR_2',
      BUREAU_CHIEF: 'INSPECTOR_1',
    });
  });

  it('a policy version without the rule has no correspondence (not in force), and nothing fails', () => {
    const { RANK_FROM_POST: _gone, ...rules } = DEFAULT_POLICY.rules;
    const old = { ...DEFAULT_POLICY, rules } as unknown as PolicyDocument;
    expect(lowestRankByPost(old)).toEqual({});
    expect(promoTimeInLevel(deputy('2024-05-27'), old, '2026-05-27')).toMatchObject({
      met: true,
      unit: 'years at PRINCIPAL_STAFF_4',
    });
  });

  it.each([
    ['the day before two years as township deputy', '2026-05-26', false],
    ['two years to the day', '2026-05-27', true],
  ])('township deputy since 2024-05-27 → PRINCIPAL_STAFF_3: %s', (_n, asOf, met) => {
    const r = promoTimeInLevel(deputy('2024-05-27'), policy, asOf);
    expect(r).toMatchObject({
      met,
      required: 2,
      dateMet: '2026-05-27',
      unit: 'years at PRINCIPAL_STAFF_4 (time as TOWNSHIP_DEPUTY counted)',
    });
    expect(r?.source).toContain('公务员职务与职级并行规定 (2019)');
    const p = evaluatePathway(deputy('2024-05-27'), policy, asOf);
    expect(p).toMatchObject({ ladder: 'RANK', nextLevel: 'PRINCIPAL_STAFF_3', eligible: met });
  });

  it('a leap-day start: two years later is 28 February', () => {
    expect(promoTimeInLevel(deputy('2024-02-29'), policy, '2026-02-28')).toMatchObject({
      met: true,
      dateMet: '2026-02-28',
    });
  });

  it('says nothing of the post on a leadership step', () => {
    const r = promoTimeInLevel(facts({ rankFromPost: 'TOWNSHIP_DEPUTY' }), policy, '2026-11-27');
    expect(r?.unit).toBe('years at TOWNSHIP_CHIEF');
  });

  it('rejects an unknown level, a rank that is not a level, and an empty list, naming the field', () => {
    expect(check({ TOWNSHIP_DEPUTY: ['PRINCIPAL_STAFF_4'] })).not.toThrow();
    for (const [bad, field] of [
      [{ NOWHERE: ['PRINCIPAL_STAFF_4'] }, 'document.rules.RANK_FROM_POST.params.correspondence.NOWHERE'],
      [
        { TOWNSHIP_DEPUTY: ['STAFF_9'] },
        'document.rules.RANK_FROM_POST.params.correspondence.TOWNSHIP_DEPUTY[0]',
      ],
      [{ TOWNSHIP_DEPUTY: [] }, 'document.rules.RANK_FROM_POST.params.correspondence.TOWNSHIP_DEPUTY'],
      ['x', 'document.rules.RANK_FROM_POST.params.correspondence'],
    ] as const) {
      try {
        check(bad)();
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).field).toBe(field);
      }
    }
  });
});
