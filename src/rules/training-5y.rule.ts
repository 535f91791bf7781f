import { FlagCode } from './codes';
import { FlagRule } from './rule';
import { cadreRows } from './spans/span-sql';
import { FlagQuery, FlagSql } from './sql/flag-sql';
import { trainingParams } from './training-params';
import { shortfall, shortfallSpans, training5ySpanSql } from './training-shortfall.sql';

/**
 * TRAINING_5Y: centralised training (hours, or days) in the windowYears up to asOf, not before entry to the band;
 * pro-rated to the days since entry until the band has lasted windowYears (INFO), in full after (WARNING)
 * (training-shortfall.sql.ts).
 */
function training5ySql(s: FlagSql): FlagQuery {
  return { ctes: ['cur'], select: shortfall(s, 'TRAINING_5Y') };
}

/** The same rows read from rule_span (the span on asOf says the window falls short; its hours are counted for asOf). */
function training5ySpans(s: FlagSql): FlagQuery {
  return { ctes: ['scope_cur'], select: shortfallSpans(s, 'TRAINING_5Y') };
}

export const training5yRule: FlagRule<'TRAINING_5Y'> = {
  id: 'TRAINING_5Y',
  kind: 'flag',
  params: trainingParams(['windowYears']),
  codes: [FlagCode.TRAINING_SHORTFALL],
  sql: training5ySql,
  spans: training5ySpans,
  lightScope: 'scope_cur',
  spanSql: training5ySpanSql,
  dependsOn: [cadreRows('posting_run'), cadreRows('training')],
};
