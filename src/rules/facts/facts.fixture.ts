import { DEFAULT_POLICY } from '../../policy/default-policy';
import { PolicyDocument } from '../../policy/policy.types';
import { PathwayFacts } from './pathway-facts';

/** Facts for specs: a township chief since 2015-09-01 with a bachelor's degree, unless overridden. */
export function facts(over: Partial<PathwayFacts> = {}): PathwayFacts {
  return {
    cadreId: 'c1',
    currentLevel: 'TOWNSHIP_CHIEF',
    ladder: 'LEADERSHIP',
    levelStart: '2015-09-01',
    lastPromotionDate: '2015-09-01',
    workStartDate: '2008-07-01',
    educationLevel: 'BACHELOR',
    grassrootsDays: 0,
    grassrootsSpans: [],
    inGrassrootsNow: false,
    postsByLevel: {},
    appraisals: [],
    sanctions: [],
    ...over,
  };
}

export const rankFacts = (over: Partial<PathwayFacts> = {}): PathwayFacts =>
  facts({
    currentLevel: 'CLERK_1',
    ladder: 'RANK',
    levelStart: '2025-08-01',
    lastPromotionDate: '2025-08-01',
    workStartDate: '2025-08-01',
    ...over,
  });

/** The default policy with one rule's params replaced. */
export function withParams<K extends keyof PolicyDocument['rules']>(
  id: K,
  params: Partial<PolicyDocument['rules'][K]['params']>,
): PolicyDocument {
  const rule = DEFAULT_POLICY.rules[id];
  return {
    ...DEFAULT_POLICY,
    rules: { ...DEFAULT_POLICY.rules, [id]: { ...rule, params: { ...rule.params, ...params } } },
  };
}

export { DEFAULT_POLICY as policy };
