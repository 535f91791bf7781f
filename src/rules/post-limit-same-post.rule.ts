import { FlagCode } from './codes';
import { fromSpans, nearLimit, postingLimitSpanSql, select, years } from './posting-limit.sql';
import { FlagRule } from './rule';
import { checkUnitLists, UNIT_POSTINGS } from './spans/limit-spans.sql';
import { cadreRows, factDate } from './spans/span-sql';
import { FlagQuery, FlagSql, param } from './sql/flag-sql';

const rule = 'POST_LIMIT_SAME_POST';

/** POST_LIMIT_SAME_POST: continuous time in the same post, from the start of the run covering asOf. */
function postLimitSamePostSql(s: FlagSql): FlagQuery {
  const from = `(SELECT c.*, ${param(s, rule, 'years')} AS limit_years,
                        (c.chain_start + ${years(s, rule)})::date AS limit_date
                   FROM limit_post c) x`;
  return {
    ctes: ['limit_post'],
    own: {
      limit_post: nearLimit(
        s,
        rule,
        'r.post_run_start',
        'r.post_run_start AS chain_start, r.post_run_posting_ids AS posting_ids',
      ),
    },
    select: words(s, from),
  };
}

/** The flag's message and facts, worded the same whether its rows come from posting_run or from spans. */
const words = (s: FlagSql, from: string): string =>
  select(
    s,
    rule,
    from,
    `format('In the same post since %s', chain_start)`,
    `'postingIds', to_jsonb(posting_ids), 'yearsInPost', round((${s.asOf} - chain_start) / 365.25, 1)`,
  );

export const postLimitSamePostRule: FlagRule<'POST_LIMIT_SAME_POST'> = {
  id: 'POST_LIMIT_SAME_POST',
  kind: 'flag',
  params: {
    numbers: ['years'],
    check: (params, field) =>
      checkUnitLists(params, field, ['mustRotateUnitKinds'], ['mustRotateUnitLevels']),
  },
  codes: [FlagCode.POSTING_LIMIT_EXCEEDED, FlagCode.POSTING_LIMIT_APPROACHING],
  sql: postLimitSamePostSql,
  spans: (s) => ({ ctes: ['scope_cur'], select: words(s, fromSpans(s, rule)) }),
  overFrom: factDate('limitDate'),
  lightScope: 'scope_cur',
  spanSql: postingLimitSpanSql(
    rule,
    'r.post_run_start',
    '0',
    `jsonb_build_object('postingIds', to_jsonb(r.post_run_posting_ids))`,
  ),
  // posting_run: kept by triggers on posting; a unit's kind and level decide where the limit binds
  dependsOn: [cadreRows('posting_run'), UNIT_POSTINGS],
};
