import { PolicyDocument } from './policy.types';

const COUNTY_AND_ABOVE = ['COUNTY_DEPUTY', 'COUNTY_CHIEF', 'BUREAU_DEPUTY', 'BUREAU_CHIEF'];
const RESEARCHER_4_AND_ABOVE = [
  'RESEARCHER_4',
  'RESEARCHER_3',
  'RESEARCHER_2',
  'RESEARCHER_1',
  'INSPECTOR_2',
  'INSPECTOR_1',
];
const TOWNSHIP_LEADERS_AND_PRINCIPAL_STAFF_1_BELOW = [
  'TOWNSHIP_DEPUTY',
  'TOWNSHIP_CHIEF',
  'CLERK_2',
  'CLERK_1',
  'PRINCIPAL_STAFF_4',
  'PRINCIPAL_STAFF_3',
  'PRINCIPAL_STAFF_2',
  'PRINCIPAL_STAFF_1',
];

/** The texts that set the influence periods of sanctions (DOMAIN.md "Eligibility the law adds"). */
const GOV_SANCTION = '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8';
const PARTY_DISCIPLINE = '中国共产党纪律处分条例 (2023)';
const ORG_MEASURE = '组织处理规定（试行）(2021) (verify the article)';

const rank = (from: string, to: string, minYears: number) => ({ from, to, minYears });

/**
 * Version 1 of the policy, the national defaults in ../shared/DOMAIN.md. Loaded by a migration;
 * later versions are published through publishPolicy and never overwrite this one.
 */
export const DEFAULT_POLICY: PolicyDocument = {
  ladders: [
    {
      id: 'LEADERSHIP',
      name: '领导职务层次 Leadership levels',
      steps: [
        { from: 'TOWNSHIP_DEPUTY', to: 'TOWNSHIP_CHIEF', minYears: 2 },
        { from: 'TOWNSHIP_CHIEF', to: 'COUNTY_DEPUTY', minYears: 3 },
        { from: 'COUNTY_DEPUTY', to: 'COUNTY_CHIEF', minYears: 2 },
        { from: 'COUNTY_CHIEF', to: 'BUREAU_DEPUTY', minYears: 3 },
        { from: 'BUREAU_DEPUTY', to: 'BUREAU_CHIEF', minYears: 2 },
      ],
    },
    {
      id: 'RANK',
      name: '公务员职级 Civil-service ranks',
      steps: [
        rank('CLERK_2', 'CLERK_1', 2),
        rank('CLERK_1', 'PRINCIPAL_STAFF_4', 2),
        rank('PRINCIPAL_STAFF_4', 'PRINCIPAL_STAFF_3', 2),
        rank('PRINCIPAL_STAFF_3', 'PRINCIPAL_STAFF_2', 2),
        rank('PRINCIPAL_STAFF_2', 'PRINCIPAL_STAFF_1', 2),
        rank('PRINCIPAL_STAFF_1', 'RESEARCHER_4', 2),
        rank('RESEARCHER_4', 'RESEARCHER_3', 2),
        rank('RESEARCHER_3', 'RESEARCHER_2', 2),
        rank('RESEARCHER_2', 'RESEARCHER_1', 3),
        rank('RESEARCHER_1', 'INSPECTOR_2', 4),
        rank('INSPECTOR_2', 'INSPECTOR_1', 4),
      ],
    },
  ],
  rules: {
    POST_LIMIT_SAME_POST: {
      id: 'POST_LIMIT_SAME_POST',
      sentence: 'A leader who has served continuously in the same post for the limit must rotate.',
      source: '党政领导干部交流工作规定 (2006) art. 5; 党政领导干部选拔任用工作条例 (2014) art. 54',
      params: {
        years: 10,
        // The text binds the leadership of local Party committees and governments at county level and above.
        mustRotateUnitKinds: ['PARTY_COMMITTEE', 'GOVERNMENT'],
        mustRotateUnitLevels: ['COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'],
      },
    },
    LEVEL_LIMIT_SAME_AREA: {
      id: 'LEVEL_LIMIT_SAME_AREA',
      sentence:
        "A leader who has served at the same level in one area's leadership for the limit should rotate.",
      source: '党政领导干部交流工作规定 (2006) art. 5',
      params: {
        years: 10,
        areaUnitLevels: ['COUNTY', 'TOWNSHIP'],
        unitKinds: ['PARTY_COMMITTEE', 'GOVERNMENT'],
        // "should rotate": a WARNING everywhere
        mustRotateUnitKinds: [],
        mustRotateUnitLevels: [],
      },
    },
    TERM_LIMIT: {
      id: 'TERM_LIMIT',
      sentence: 'A leader may hold the same post for at most the given number of consecutive terms.',
      source: '党政领导干部职务任期暂行规定 (2006) arts. 3, 6',
      params: { terms: 2, termYears: 5 },
    },
    LEVEL_TOTAL_LIMIT: {
      id: 'LEVEL_TOTAL_LIMIT',
      sentence:
        'A leader who has served at the same level for the limit in total is not nominated or appointed again to a post at that level (it bars the next appointment; it does not order removal).',
      source: '党政领导干部职务任期暂行规定 (2006) art. 7',
      params: { years: 15 },
    },
    TOWNSHIP_MIN_SERVICE: {
      id: 'TOWNSHIP_MIN_SERVICE',
      sentence: 'New township recruits serve a minimum period in the township before transfer upward.',
      source: '人社部发〔2014〕61号',
      params: { years: 5, recruitUnitLevels: ['TOWNSHIP'] },
    },
    WARNING_WINDOW: {
      id: 'WARNING_WINDOW',
      sentence: 'A limit is approaching within this many months before it is reached.',
      source: 'Product choice',
      params: { months: 6 },
    },
    REAPPOINTMENT_GAP: {
      id: 'REAPPOINTMENT_GAP',
      sentence:
        'A gap of up to this many days between a post and its re-appointment (e.g. around a re-election) does not break continuity in the post or the level.',
      source: 'Product choice (HR records close and reopen posts around re-elections, 换届)',
      params: { days: 90 },
    },
    PROMO_WORK_YEARS: {
      id: 'PROMO_WORK_YEARS',
      sentence: 'Promotion to county-level deputy or above needs this many years of work experience.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(1)',
      params: { years: 5, appliesToLevels: COUNTY_AND_ABOVE },
    },
    PROMO_GRASSROOTS_YEARS: {
      id: 'PROMO_GRASSROOTS_YEARS',
      sentence: 'Promotion to county-level deputy or above needs this many years of grassroots experience.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(1)',
      params: { years: 2, appliesToLevels: COUNTY_AND_ABOVE },
    },
    PROMO_TWO_POSTS: {
      id: 'PROMO_TWO_POSTS',
      sentence:
        'Promotion needs experience in this many posts in the band below (its deputy and chief levels).',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(2)',
      params: { posts: 2, appliesToLevels: COUNTY_AND_ABOVE },
    },
    PROMO_TIME_IN_LEVEL: {
      id: 'PROMO_TIME_IN_LEVEL',
      sentence:
        'Deputy to chief of the same level needs 2 years at the deputy level; chief to the next deputy level, 3 years.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(3); 公务员职务与职级并行规定 (2019)',
      params: { deputyToChiefYears: 2, chiefToNextDeputyYears: 3 },
    },
    PROMO_EDUCATION: {
      id: 'PROMO_EDUCATION',
      sentence:
        "Leadership posts need a college diploma; bureau-level deputy and above need a bachelor's degree.",
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(4)',
      params: {
        order: ['SECONDARY', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'],
        defaultMinimum: 'COLLEGE',
        minimumByLevel: { BUREAU_DEPUTY: 'BACHELOR', BUREAU_CHIEF: 'BACHELOR' },
      },
    },
    PROMO_APPRAISAL: {
      id: 'PROMO_APPRAISAL',
      sentence:
        'Each EXCELLENT year shortens the time needed by 6 months; a BASICALLY_COMPETENT or ungraded year does not count; INCOMPETENT in the last year blocks promotion.',
      source: '公务员职务与职级并行规定 (2019), as commonly applied (secondary sources; verify locally)',
      params: {
        excellentShortensMonths: 6,
        notCountingGrades: ['BASICALLY_COMPETENT', 'UNGRADED'],
        blockingGrades: ['INCOMPETENT'],
      },
    },
    PROMO_EXCEPTIONAL: {
      id: 'PROMO_EXCEPTIONAL',
      sentence:
        'Exceptional (破格) promotion of a specialist, on an exceptional list only: the listed qualifications may be set aside, but not during probation, not within a year of the last promotion, and never two levels at once.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 9',
      params: {
        sinceLastPromotionYears: 1,
        probationMonths: 12,
        maxLevelsAtOnce: 1,
        waives: ['PROMO_WORK_YEARS', 'PROMO_GRASSROOTS_YEARS', 'PROMO_TWO_POSTS', 'PROMO_TIME_IN_LEVEL'],
      },
    },
    PROMO_NO_SANCTION_IN_EFFECT: {
      id: 'PROMO_NO_SANCTION_IN_EFFECT',
      sentence:
        'No promotion in post or rank while a sanction or accountability measure is in its influence period (SANCTION_PERIODS); met from the day after the last running period ends, or from the day it was revoked or a 容错 decision lifted it.',
      source:
        '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8; 中国共产党纪律处分条例 (2023) arts. 10–12; see SANCTION_PERIODS for each kind',
      params: {},
    },
    SANCTION_PERIODS: {
      id: 'SANCTION_PERIODS',
      sentence:
        'The influence period of each kind of sanction or accountability measure, in months from its effective date; a revocation on appeal or a 容错 decision ends it from its date (the record stays).',
      source:
        '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) arts. 7–8; 中国共产党纪律处分条例 (2023) arts. 10–12; 关于对党员领导干部进行诫勉的规定 (2019); 组织处理规定（试行）(2021); 容错: 关于进一步激励广大干部新时代新担当新作为的意见 (2018)',
      params: {
        periods: {
          WARNING: { months: 6, source: GOV_SANCTION },
          DEMERIT: { months: 12, source: GOV_SANCTION },
          MAJOR_DEMERIT: { months: 18, source: GOV_SANCTION },
          DEMOTION: { months: 24, source: GOV_SANCTION },
          REMOVAL: { months: 24, source: GOV_SANCTION },
          PARTY_WARNING: { months: 12, source: `${PARTY_DISCIPLINE} art. 10` },
          PARTY_SERIOUS_WARNING: { months: 18, source: `${PARTY_DISCIPLINE} art. 10` },
          PARTY_POST_REMOVAL: {
            months: 24,
            source: `${PARTY_DISCIPLINE} art. 11 (before a post at or above the former one; verify the article)`,
          },
          PARTY_PROBATION: {
            months: 24,
            source: `${PARTY_DISCIPLINE} art. 12 (2 years after Party rights are restored: record the restoration as the effective date; verify the article)`,
          },
          ADMONISHMENT: { months: 6, source: '关于对党员领导干部进行诫勉的规定 (2019) (verify the article)' },
          TRANSFER_OUT: { months: 12, source: ORG_MEASURE },
          DISMISSAL_FROM_POST: { months: 12, source: ORG_MEASURE },
          DEMOTION_IN_POST: { months: 24, source: ORG_MEASURE },
        },
      },
    },
    TRAINING_5Y: {
      id: 'TRAINING_5Y',
      sentence:
        'County-level deputies and above, and fourth-grade researchers and above, complete this many class hours in any 5 years.',
      source: '干部教育培训工作条例 (2023) art. 14',
      params: {
        hours: 550,
        windowYears: 5,
        appliesToLevels: [...COUNTY_AND_ABOVE, ...RESEARCHER_4_AND_ABOVE],
      },
    },
    TRAINING_ANNUAL: {
      id: 'TRAINING_ANNUAL',
      sentence:
        'Township leaders, and first-grade principal staff members and below, complete this many class hours a year.',
      source: '干部教育培训工作条例 (2023) art. 14',
      params: { hours: 90, appliesToLevels: TOWNSHIP_LEADERS_AND_PRINCIPAL_STAFF_1_BELOW },
    },
    INDUCTION_TRAINING: {
      id: 'INDUCTION_TRAINING',
      sentence:
        'A newly appointed leader completes induction training within a year: 30 days at county level and above, 15 days at township level.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(5); 公务员培训规定(试行) (2008)',
      params: {
        withinMonths: 12,
        qualifyingKinds: ['PARTY_SCHOOL', 'ADMINISTRATION_INSTITUTE', 'CADRE_ACADEMY', 'UNIVERSITY'],
        daysByLevel: {
          TOWNSHIP_DEPUTY: 15,
          TOWNSHIP_CHIEF: 15,
          COUNTY_DEPUTY: 30,
          COUNTY_CHIEF: 30,
          BUREAU_DEPUTY: 30,
          BUREAU_CHIEF: 30,
        },
      },
    },
    PROMO_TRAINING: {
      id: 'PROMO_TRAINING',
      sentence:
        'Promotion to a leadership post needs the induction training of INDUCTION_TRAINING (its kinds and days for the new level) taken within this many months before; where that was not possible it is due within a year after appointment, so missing training is shown but does not bar promotion.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(5)',
      params: { windowMonths: 24 },
    },
    PROMO_PARTY_AGE: {
      id: 'PROMO_PARTY_AGE',
      sentence:
        'A Party post needs the Party age the Party constitution sets: 3 years for county-level posts (members of county committees), 5 years for bureau-level posts (province and prefecture committees).',
      source:
        '党政领导干部选拔任用工作条例 (2019) art. 8(7); 中国共产党章程 (2022), ch. 4 on local organisations (committee members: 5 years at province and prefecture level, 3 at county level; verify the article numbers)',
      params: {
        yearsByLevel: { COUNTY_DEPUTY: 3, COUNTY_CHIEF: 3, BUREAU_DEPUTY: 5, BUREAU_CHIEF: 5 },
        partyUnitKinds: ['PARTY_COMMITTEE'],
      },
    },
    SPECIALIST: {
      id: 'SPECIALIST',
      sentence:
        'Achievements verified by the date make a specialist in a domain: 2 within 5 years, or 1 within 5 years recognised at province level or above, or 1 within 5 years with a measured improvement of 50% or more.',
      source: 'Product choice',
      params: {
        minCount: 2,
        windowYears: 5,
        recognitionAtLeast: 'PROVINCE',
        minImprovementPercent: 50,
        recognitionWindowYears: 5,
        improvementWindowYears: 5,
      },
    },
    RANK_FROM_POST: {
      id: 'RANK_FROM_POST',
      sentence:
        'A leadership post and a rank are held together: without a rank grant a leader holds the lowest rank corresponding to the post, and time in the post counts as time at that rank (e.g. 2 years as township deputy qualify for PRINCIPAL_STAFF_3).',
      source:
        '公务员职务与职级并行规定 (2019) (correspondence and counting of post time as commonly published; verify the articles with the text)',
      params: {
        correspondence: {
          TOWNSHIP_DEPUTY: ['PRINCIPAL_STAFF_4', 'PRINCIPAL_STAFF_3'],
          TOWNSHIP_CHIEF: ['PRINCIPAL_STAFF_2', 'PRINCIPAL_STAFF_1'],
          COUNTY_DEPUTY: ['RESEARCHER_4', 'RESEARCHER_3'],
          COUNTY_CHIEF: ['RESEARCHER_2', 'RESEARCHER_1'],
          BUREAU_DEPUTY: ['INSPECTOR_2'],
          BUREAU_CHIEF: ['INSPECTOR_1'],
        },
      },
    },
  },
  rankingWeights: {
    appraisal: 0.25,
    grassrootsYears: 0.15,
    achievements: 0.2,
    training: 0.1,
    timeAtLevel: 0.15,
    specialistMatch: 0.15,
  },
};
