import { addDays, addMonths } from '../rules/dates';
import { SanctionKind } from './sanction.entity';

/** How long one kind of record bars promotion, and the text that says so. */
export interface SanctionPeriod {
  months: number;
  /** Chinese first: the clerk's name for the measure. */
  nameZh: string;
  sentence: string;
  source: string;
}

const GOV = '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) arts. 7–8';
const PARTY = '中国共产党纪律处分条例 (2023) arts. 10–12 (verify the article numbers with the text)';
const ADMONISH = '关于对党员领导干部进行诫勉的规定 (2019)';
const ORG = '党政领导干部辞职暂行规定; 组织处理规定（试行）(2021) (verify the articles with the texts)';

/**
 * Policy data, not rule logic: the influence period (影响期) of each kind of sanction or accountability record,
 * the national defaults of ../shared/DOMAIN.md ("Eligibility the law adds": SANCTION_PERIOD,
 * PARTY_SANCTION_PERIOD, ACCOUNTABILITY_PERIOD). The period runs from the record's effective date. It lives
 * here, beside the records, until the promotion rules read it; those rules take it into a published policy
 * version (see the report of feat/sanctions-ranks), after which this table is only the version's default.
 */
export const SANCTION_PERIODS: Record<SanctionKind, SanctionPeriod> = {
  WARNING: { months: 6, nameZh: '警告', sentence: 'No promotion in post or rank for 6 months.', source: GOV },
  DEMERIT: {
    months: 12,
    nameZh: '记过',
    sentence: 'No promotion in post or rank for 12 months.',
    source: GOV,
  },
  MAJOR_DEMERIT: {
    months: 18,
    nameZh: '记大过',
    sentence: 'No promotion in post or rank for 18 months.',
    source: GOV,
  },
  DEMOTION: {
    months: 24,
    nameZh: '降级',
    sentence: 'No promotion in post or rank for 24 months.',
    source: GOV,
  },
  REMOVAL: {
    months: 24,
    nameZh: '撤职',
    sentence: 'No promotion in post or rank for 24 months.',
    source: GOV,
  },
  PARTY_WARNING: {
    months: 12,
    nameZh: '党内警告',
    sentence: 'No promotion within the Party, nor recommendation to a higher post outside it, for 1 year.',
    source: PARTY,
  },
  PARTY_SERIOUS_WARNING: {
    months: 18,
    nameZh: '党内严重警告',
    sentence: 'No promotion within the Party, nor recommendation to a higher post outside it, for 18 months.',
    source: PARTY,
  },
  PARTY_POST_REMOVAL: {
    months: 24,
    nameZh: '撤销党内职务',
    sentence: 'No post at or above the former one for 2 years.',
    source: PARTY,
  },
  PARTY_PROBATION: {
    months: 24,
    nameZh: '留党察看',
    sentence:
      'No post at or above the former one for 2 years after Party rights are restored; record the restoration as the effective date.',
    source: PARTY,
  },
  ADMONISHMENT: { months: 6, nameZh: '诫勉', sentence: 'No promotion for 6 months.', source: ADMONISH },
  TRANSFER_OUT: { months: 12, nameZh: '调离岗位', sentence: 'No promotion for 1 year.', source: ORG },
  DISMISSAL_FROM_POST: { months: 12, nameZh: '免职', sentence: 'No promotion for 1 year.', source: ORG },
  DEMOTION_IN_POST: { months: 24, nameZh: '降职', sentence: 'No promotion for 2 years.', source: ORG },
};

/** The last day of the influence period: `months` from the effective date, that day not included. */
export function influenceEndsOn(kind: SanctionKind, effectiveDate: string): string {
  return addDays(addMonths(effectiveDate, SANCTION_PERIODS[kind].months), -1);
}
