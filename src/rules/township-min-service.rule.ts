import { NotEvaluatedRule } from './rule';

/** TOWNSHIP_MIN_SERVICE: in the policy and validated, but no code evaluates it yet. */
export const townshipMinServiceRule: NotEvaluatedRule<'TOWNSHIP_MIN_SERVICE'> = {
  id: 'TOWNSHIP_MIN_SERVICE',
  kind: 'not-evaluated',
  params: { numbers: ['years'] },
  note: 'Needs to know which cadres were recruited directly into a township post (the recruitment channel).',
};
