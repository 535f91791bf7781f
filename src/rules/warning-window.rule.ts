import { ParameterRule } from './rule';

/**
 * WARNING_WINDOW: how long before a limit it is APPROACHING. Not a finding of its own: the posting-limit rules
 * read it (posting-limit.sql.ts).
 */
export const warningWindowRule: ParameterRule<'WARNING_WINDOW'> = {
  id: 'WARNING_WINDOW',
  kind: 'parameter',
  params: { counts: ['months'] },
  readBy: ['POST_LIMIT_SAME_POST', 'LEVEL_TOTAL_LIMIT', 'LEVEL_LIMIT_SAME_AREA', 'TERM_LIMIT'],
};
