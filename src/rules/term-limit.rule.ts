import { NotEvaluatedRule } from './rule';

/** TERM_LIMIT: in the policy and validated, but no code evaluates it yet. */
export const termLimitRule: NotEvaluatedRule<'TERM_LIMIT'> = {
  id: 'TERM_LIMIT',
  kind: 'not-evaluated',
  params: { counts: ['terms'], numbers: ['termYears'] },
  note: 'Needs terms of office (appointment and re-appointment dates per post); postings record periods, not terms.',
};
