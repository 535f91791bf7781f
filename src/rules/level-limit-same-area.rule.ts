import { NotEvaluatedRule } from './rule';

/** LEVEL_LIMIT_SAME_AREA: in the policy and validated, but no code evaluates it yet. */
export const levelLimitSameAreaRule: NotEvaluatedRule<'LEVEL_LIMIT_SAME_AREA'> = {
  id: 'LEVEL_LIMIT_SAME_AREA',
  kind: 'not-evaluated',
  params: { numbers: ['years'] },
  note: "Needs each unit's area (the county or township whose leadership it belongs to) to chain stints at one level within an area.",
};
