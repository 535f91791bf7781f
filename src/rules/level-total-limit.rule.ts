import { FlagCode } from './codes';
import { fromSpans, nearLimit, postingLimitSpanSql, select, years } from './posting-limit.sql';
import { FlagRule } from './rule';
import { cadreRows, factDate } from './spans/span-sql';
import { FlagQuery, FlagSql, param } from './sql/flag-sql';

const rule = 'LEVEL_TOTAL_LIMIT';

/**
 * LEVEL_TOTAL_LIMIT: all leadership time at the current level, in any unit. Earlier stints at the level
 * bring the limit date forward by their days: limit = start of the current run + N years − earlier days.
 * Its index bound shifts (run start − earlier days) by N years instead, within a few days of the same.
 */
function levelTotalLimitSql(s: FlagSql): FlagQuery {
  const from = `(SELECT c.*, ${param(s, rule, 'years')} AS limit_years,
                        (c.chain_start + ${years(s, rule)})::date - c.earlier_days AS limit_date
                   FROM limit_level c) x`;
  return {
    ctes: ['limit_level'],
    own: {
      limit_level: nearLimit(
        s,
        rule,
        '(r.level_run_start - r.earlier_level_days)',
        'r.level_run_start AS chain_start, r.earlier_level_days AS earlier_days',
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
    `format('%s years in total at %s', round((earlier_days + (${s.asOf} - chain_start)) / 365.25, 1), level)`,
    `'earlierDays', earlier_days,
       'yearsAtLevel', round((earlier_days + (${s.asOf} - chain_start)) / 365.25, 1)`,
  );

export const levelTotalLimitRule: FlagRule<'LEVEL_TOTAL_LIMIT'> = {
  id: 'LEVEL_TOTAL_LIMIT',
  kind: 'flag',
  params: { numbers: ['years'] },
  codes: [FlagCode.POSTING_LIMIT_EXCEEDED, FlagCode.POSTING_LIMIT_APPROACHING],
  sql: levelTotalLimitSql,
  spans: (s) => ({ ctes: ['scope_cur'], select: words(s, fromSpans(s, rule)) }),
  overFrom: factDate('limitDate'),
  lightScope: 'scope_cur',
  spanSql: postingLimitSpanSql(
    rule,
    'r.level_run_start',
    'r.earlier_level_days',
    `jsonb_build_object('earlierDays', r.earlier_level_days)`,
  ),
  // posting_run: kept by triggers on posting
  dependsOn: [cadreRows('posting_run')],
};
