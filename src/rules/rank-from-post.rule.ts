import { PolicyDocument, RuleDefinition } from '../policy/policy.types';
import { bad, level, object, strings } from './params';
import { ParameterRule } from './rule';

/**
 * RANK_FROM_POST (职务与职级并行): leadership level → corresponding ranks, lowest first. The rank facts
 * (facts/rank-facts.sql.ts) read it: a leader without a rank grant holds the lowest corresponding rank, and time
 * in the post counts as time at that rank toward the next one (PROMO_TIME_IN_LEVEL on the rank ladder), so 2
 * years as TOWNSHIP_DEPUTY qualify for PRINCIPAL_STAFF_3. A policy version without the rule: no correspondence.
 */
export const rankFromPostRule: ParameterRule<'RANK_FROM_POST'> = {
  id: 'RANK_FROM_POST',
  kind: 'parameter',
  params: {
    check: (params, field, levels) => {
      const table = object(params.correspondence, `${field}.correspondence`);
      for (const [post, ranks] of Object.entries(table)) {
        const f = `${field}.correspondence.${post}`;
        level(post, f, levels);
        const list = strings(ranks, f);
        if (list.length === 0) bad(f, `${f} must name at least one rank.`);
        list.forEach((r, i) => level(r, `${f}[${i}]`, levels));
      }
    },
  },
  readBy: ['PROMO_TIME_IN_LEVEL'],
};

/** The rule as in force under `policy`, or undefined when that version predates it. */
export const rankFromPost = (policy: PolicyDocument): RuleDefinition<'RANK_FROM_POST'> | undefined =>
  (policy.rules as Partial<PolicyDocument['rules']>).RANK_FROM_POST;

/** Leadership level → the lowest corresponding rank (what its time counts toward). */
export function lowestRankByPost(policy: PolicyDocument): Record<string, string> {
  const table = rankFromPost(policy)?.params.correspondence ?? {};
  return Object.fromEntries(
    Object.entries(table).flatMap(([post, ranks]) => (ranks.length ? [[post, ranks[0]]] : [])),
  );
}
