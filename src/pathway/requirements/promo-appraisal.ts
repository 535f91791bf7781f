import { RuleParams } from '../../policy/policy.types';
import { addMonths, yearOf } from '../pathway-dates';
import { AppraisalFact } from '../pathway-facts';
import { nextStep, Requirement, ruleInfo } from './requirement';

export interface AdjustedTime {
  /** levelStart + minYears, shortened per EXCELLENT year and lengthened per year that does not count. */
  dateMet: string;
  excellentYears: number;
  notCountingYears: number;
}

/**
 * Time in rank with the appraisal effects. A year counts only if the cadre held the level for all of it
 * (it began on or after levelStart) and it ended before the date being reached; recorded grades up to
 * asOf's year are used. Each EXCELLENT year brings the date `excellentShortensMonths` earlier; each year
 * in notCountingGrades pushes it a year later, which may bring further years into play, so years are
 * taken in order. All in whole months from levelStart, so month-end clamping happens once (as in SQL).
 */
export function appraisalAdjustedDate(
  levelStart: string,
  minYears: number,
  appraisals: readonly AppraisalFact[],
  params: RuleParams['PROMO_APPRAISAL'],
  asOf: string,
): AdjustedTime {
  let months = Math.round(minYears * 12);
  let excellentYears = 0;
  let notCountingYears = 0;
  const years = appraisals
    .filter((a) => `${a.year}-01-01` >= levelStart && a.year <= yearOf(asOf))
    .sort((a, b) => a.year - b.year);
  for (const a of years) {
    if (`${a.year + 1}-01-01` > addMonths(levelStart, months)) break;
    if (params.notCountingGrades.includes(a.grade)) {
      months += 12;
      notCountingYears += 1;
    } else if (a.grade === 'EXCELLENT') {
      months -= params.excellentShortensMonths;
      excellentYears += 1;
    }
  }
  return { dateMet: addMonths(levelStart, months), excellentYears, notCountingYears };
}

/** PROMO_APPRAISAL as a requirement: a blocking grade in the last completed year blocks. Not time-based. */
export const promoAppraisal: Requirement = (facts, policy, asOf) => {
  const rule = policy.rules.PROMO_APPRAISAL;
  if (!nextStep(facts, policy)) return null;
  const lastYear = yearOf(asOf) - 1;
  const grade = facts.appraisals.find((a) => a.year === lastYear)?.grade ?? null;
  const met = grade === null || !rule.params.blockingGrades.includes(grade);
  return {
    ...ruleInfo(rule),
    met,
    current: grade,
    required: `not ${rule.params.blockingGrades.join(' or ')} in ${lastYear}`,
    remaining: null,
    unit: 'appraisal grade',
    dateMet: null,
  };
};
