import { DomainError } from '../common/errors/domain-error';
import { DEFAULT_POLICY } from './default-policy';
import { RULE_IDS, validatePolicyDocument } from './policy-validation';
import { PolicyDocument } from './policy.types';

const LEVELS = new Set(DEFAULT_POLICY.ladders.flatMap((l) => l.steps.flatMap((s) => [s.from, s.to])));
const copy = (): PolicyDocument => JSON.parse(JSON.stringify(DEFAULT_POLICY)) as PolicyDocument;

function fieldOf(doc: unknown): string | undefined {
  try {
    validatePolicyDocument(doc, LEVELS);
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.field;
    throw e;
  }
}

describe('validatePolicyDocument', () => {
  it('gives every kind of sanction the period of DOMAIN.md, with its article', () => {
    const periods = DEFAULT_POLICY.rules.SANCTION_PERIODS.params.periods;
    expect(Object.fromEntries(Object.entries(periods).map(([k, p]) => [k, p.months]))).toEqual({
      WARNING: 6,
      DEMERIT: 12,
      MAJOR_DEMERIT: 18,
      DEMOTION: 24,
      REMOVAL: 24,
      PARTY_WARNING: 12,
      PARTY_SERIOUS_WARNING: 18,
      PARTY_POST_REMOVAL: 24,
      PARTY_PROBATION: 24,
      ADMONISHMENT: 6,
      TRANSFER_OUT: 12,
      DISMISSAL_FROM_POST: 12,
      DEMOTION_IN_POST: 24,
    });
    for (const p of Object.values(periods)) expect(p.source).toMatch(/\(\d{4}\)/);
  });

  it('accepts the default policy and lists every rule it defines', () => {
    expect(validatePolicyDocument(copy(), LEVELS)).toEqual(DEFAULT_POLICY);
    expect([...RULE_IDS].sort()).toEqual(Object.keys(DEFAULT_POLICY.rules).sort());
  });

  it('accepts rules as the list `policy { rules }` returns', () => {
    const d = copy();
    const asList = { ...d, rules: Object.values(d.rules) };
    expect(validatePolicyDocument(asList, LEVELS).rules).toEqual(DEFAULT_POLICY.rules);
  });

  it.each<[string, (d: PolicyDocument) => unknown, string]>([
    ['not an object', () => [], 'document'],
    [
      'a cycle of two levels',
      (d) => ({
        ...d,
        ladders: [
          {
            id: 'X',
            name: 'x',
            steps: [
              { from: 'CLERK_1', to: 'CLERK_2', minYears: 1 },
              { from: 'CLERK_2', to: 'CLERK_1', minYears: 1 },
            ],
          },
        ],
      }),
      'document.ladders[0].steps',
    ],
    [
      'a step to itself',
      (d) => ({
        ...d,
        ladders: [{ id: 'X', name: 'x', steps: [{ from: 'CLERK_1', to: 'CLERK_1', minYears: 1 }] }],
      }),
      'document.ladders[0].steps',
    ],
    [
      'two ladders with one id',
      (d) => ({ ...d, ladders: [d.ladders[0], { ...d.ladders[1], id: 'LEADERSHIP' }] }),
      'document.ladders[1].id',
    ],
    [
      'an unknown key in daysByLevel',
      (d) => {
        d.rules.INDUCTION_TRAINING.params.daysByLevel.MAYOR = 5;
        return d;
      },
      'document.rules.INDUCTION_TRAINING.params.daysByLevel',
    ],
    [
      'an education minimum outside the order',
      (d) => {
        d.rules.PROMO_EDUCATION.params.minimumByLevel.BUREAU_CHIEF = 'PHD';
        return d;
      },
      'document.rules.PROMO_EDUCATION.params.minimumByLevel.BUREAU_CHIEF',
    ],
    [
      'an unknown recognition level',
      (d) => {
        d.rules.SPECIALIST.params.recognitionAtLeast = 'GALACTIC';
        return d;
      },
      'document.rules.SPECIALIST.params.recognitionAtLeast',
    ],
    [
      'a rule filed under another id',
      (d) => {
        (d.rules.TERM_LIMIT as { id: string }).id = 'TERM';
        return d;
      },
      'document.rules.TERM_LIMIT.id',
    ],
    [
      'a fractional count',
      (d) => {
        d.rules.SPECIALIST.params.minCount = 1.5;
        return d;
      },
      'document.rules.SPECIALIST.params.minCount',
    ],
    [
      'infinite hours',
      (d) => {
        d.rules.TRAINING_5Y.params.hours = Infinity;
        return d;
      },
      'document.rules.TRAINING_5Y.params.hours',
    ],
    [
      'a kind of sanction without a period',
      (d) => {
        delete d.rules.SANCTION_PERIODS.params.periods.DEMERIT;
        return d;
      },
      'document.rules.SANCTION_PERIODS.params.periods.DEMERIT',
    ],
    [
      'an unknown kind of sanction',
      (d) => {
        d.rules.SANCTION_PERIODS.params.periods.BANISHMENT = { months: 6, source: 'x' };
        return d;
      },
      'document.rules.SANCTION_PERIODS.params.periods.BANISHMENT',
    ],
    [
      'a sanction period of no months',
      (d) => {
        d.rules.SANCTION_PERIODS.params.periods.WARNING.months = 0;
        return d;
      },
      'document.rules.SANCTION_PERIODS.params.periods.WARNING.months',
    ],
    [
      'a sanction period in fractional months',
      (d) => {
        d.rules.SANCTION_PERIODS.params.periods.WARNING.months = 6.5;
        return d;
      },
      'document.rules.SANCTION_PERIODS.params.periods.WARNING.months',
    ],
    [
      'a sanction period without its article',
      (d) => {
        d.rules.SANCTION_PERIODS.params.periods.PARTY_WARNING.source = ' ';
        return d;
      },
      'document.rules.SANCTION_PERIODS.params.periods.PARTY_WARNING.source',
    ],
    [
      'an appraisal grade that does not exist among the grades not counted',
      (d) => {
        d.rules.PROMO_APPRAISAL.params.notCountingGrades = ['INCOMPETENT', 'POOR'];
        return d;
      },
      'document.rules.PROMO_APPRAISAL.params.notCountingGrades[1]',
    ],
    [
      'a fractional number of counted years to lift a block',
      (d) => {
        d.rules.PROMO_APPRAISAL.params.countedYearsToLift = 1.5;
        return d;
      },
      'document.rules.PROMO_APPRAISAL.params.countedYearsToLift',
    ],
    [
      'partialFirstYearCounts that is not true or false',
      (d) => {
        (d.rules.PROMO_APPRAISAL.params as Record<string, unknown>).partialFirstYearCounts = 'no';
        return d;
      },
      'document.rules.PROMO_APPRAISAL.params.partialFirstYearCounts',
    ],
    [
      'a negative number of years flagged after an INCOMPETENT year',
      (d) => {
        d.rules.APPRAISAL_INCOMPETENT.params.followingYears = -1;
        return d;
      },
      'document.rules.APPRAISAL_INCOMPETENT.params.followingYears',
    ],
    [
      'an unknown grade flagged',
      (d) => {
        d.rules.APPRAISAL_INCOMPETENT.params.grades = ['incompetent'];
        return d;
      },
      'document.rules.APPRAISAL_INCOMPETENT.params.grades[0]',
    ],
    [
      'a rule listed twice',
      (d) => ({ ...d, rules: [...Object.values(d.rules), d.rules.SPECIALIST] }),
      `document.rules[${RULE_IDS.length}].id`,
    ],
    [
      'an unknown kind of relation',
      (d) => {
        d.rules.AVOIDANCE.params.closeRelations.push('FRIEND');
        return d;
      },
      'document.rules.AVOIDANCE.params.closeRelations[12]',
    ],
    [
      'an unknown unit level',
      (d) => {
        d.rules.AVOIDANCE.params.homeAreaUnitLevels = ['DISTRICT'];
        return d;
      },
      'document.rules.AVOIDANCE.params.homeAreaUnitLevels[0]',
    ],
    [
      'a title pattern that is no regular expression',
      (d) => {
        d.rules.AVOIDANCE.params.homeAreaPosts[0].titlePattern = '(书记';
        return d;
      },
      'document.rules.AVOIDANCE.params.homeAreaPosts[0].titlePattern',
    ],
    [
      'an unknown unit kind',
      (d) => {
        d.rules.AVOIDANCE.params.homeAreaPosts[1].unitKinds = ['MINISTRY'];
        return d;
      },
      'document.rules.AVOIDANCE.params.homeAreaPosts[1].unitKinds[0]',
    ],
    [
      'a grassroots share over 1',
      (d) => {
        d.rules.TEAM_STRUCTURE.params.minGrassrootsShare = 1.5;
        return d;
      },
      'document.rules.TEAM_STRUCTURE.params.minGrassrootsShare',
    ],
    [
      'a young age for an unknown level',
      (d) => {
        d.rules.TEAM_STRUCTURE.params.youngMaxAgeByLevel.MAYOR = 40;
        return d;
      },
      'document.rules.TEAM_STRUCTURE.params.youngMaxAgeByLevel.MAYOR',
    ],
    [
      'age bands that do not increase',
      (d) => {
        d.rules.TEAM_STRUCTURE.params.ageBands = [40, 35];
        return d;
      },
      'document.rules.TEAM_STRUCTURE.params.ageBands[1]',
    ],
    [
      'a fractional number of women',
      (d) => {
        d.rules.TEAM_STRUCTURE.params.minWomen = 0.5;
        return d;
      },
      'document.rules.TEAM_STRUCTURE.params.minWomen',
    ],
  ])('rejects %s, naming the field', (_name, spoil, field) => {
    expect(fieldOf(spoil(copy()))).toBe(field);
  });
});
