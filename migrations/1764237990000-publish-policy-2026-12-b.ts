import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishes this round's policy (issues 15, 16 and 19) for databases that already hold one: a new version, in force
 * from 2026-12-05 or the day after the latest version when that starts later, whose document is written out here
 * in full, so this migration never changes with the code. Earlier dates keep the versions they had, so an
 * evaluation as of a past date is reproduced.
 *
 * New since 1764237000000: the appraisal effects (years that do not count, the INCOMPETENT block, EXCELLENT on
 * ranks, the partial first year) and APPRAISAL_INCOMPETENT; the training windows (last completed year, current
 * year and five years pro-rated from entry to the band, centralised kinds, the days alternatives); AVOIDANCE and
 * TEAM_STRUCTURE.
 *
 * Nothing is published where the latest version already is this document, nor on a database migrated from nothing
 * in this transaction (every version written now: version 1 is the code's default then; a document written out
 * here may be older than it). It also removes the trigger of 1764236990000, which kept 1764237000000 from
 * publishing its stale document on such a database.
 */
export const DOCUMENT = {
  ladders: [
    {
      id: 'LEADERSHIP',
      name: '领导职务层次 Leadership levels',
      steps: [
        {
          from: 'TOWNSHIP_DEPUTY',
          to: 'TOWNSHIP_CHIEF',
          minYears: 2,
        },
        {
          from: 'TOWNSHIP_CHIEF',
          to: 'COUNTY_DEPUTY',
          minYears: 3,
        },
        {
          from: 'COUNTY_DEPUTY',
          to: 'COUNTY_CHIEF',
          minYears: 2,
        },
        {
          from: 'COUNTY_CHIEF',
          to: 'BUREAU_DEPUTY',
          minYears: 3,
        },
        {
          from: 'BUREAU_DEPUTY',
          to: 'BUREAU_CHIEF',
          minYears: 2,
        },
      ],
    },
    {
      id: 'RANK',
      name: '公务员职级 Civil-service ranks',
      steps: [
        {
          from: 'CLERK_2',
          to: 'CLERK_1',
          minYears: 2,
        },
        {
          from: 'CLERK_1',
          to: 'PRINCIPAL_STAFF_4',
          minYears: 2,
        },
        {
          from: 'PRINCIPAL_STAFF_4',
          to: 'PRINCIPAL_STAFF_3',
          minYears: 2,
        },
        {
          from: 'PRINCIPAL_STAFF_3',
          to: 'PRINCIPAL_STAFF_2',
          minYears: 2,
        },
        {
          from: 'PRINCIPAL_STAFF_2',
          to: 'PRINCIPAL_STAFF_1',
          minYears: 2,
        },
        {
          from: 'PRINCIPAL_STAFF_1',
          to: 'RESEARCHER_4',
          minYears: 2,
        },
        {
          from: 'RESEARCHER_4',
          to: 'RESEARCHER_3',
          minYears: 2,
        },
        {
          from: 'RESEARCHER_3',
          to: 'RESEARCHER_2',
          minYears: 2,
        },
        {
          from: 'RESEARCHER_2',
          to: 'RESEARCHER_1',
          minYears: 3,
        },
        {
          from: 'RESEARCHER_1',
          to: 'INSPECTOR_2',
          minYears: 4,
        },
        {
          from: 'INSPECTOR_2',
          to: 'INSPECTOR_1',
          minYears: 4,
        },
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
        mustRotateUnitKinds: [],
        mustRotateUnitLevels: [],
      },
    },
    TERM_LIMIT: {
      id: 'TERM_LIMIT',
      sentence: 'A leader may hold the same post for at most the given number of consecutive terms.',
      source: '党政领导干部职务任期暂行规定 (2006) arts. 3, 6',
      params: {
        terms: 2,
        termYears: 5,
      },
    },
    LEVEL_TOTAL_LIMIT: {
      id: 'LEVEL_TOTAL_LIMIT',
      sentence:
        'A leader who has served at the same level for the limit in total is not nominated or appointed again to a post at that level (it bars the next appointment; it does not order removal).',
      source: '党政领导干部职务任期暂行规定 (2006) art. 7',
      params: {
        years: 15,
      },
    },
    TOWNSHIP_MIN_SERVICE: {
      id: 'TOWNSHIP_MIN_SERVICE',
      sentence: 'New township recruits serve a minimum period in the township before transfer upward.',
      source: '人社部发〔2014〕61号',
      params: {
        years: 5,
        recruitUnitLevels: ['TOWNSHIP'],
      },
    },
    WARNING_WINDOW: {
      id: 'WARNING_WINDOW',
      sentence: 'A limit is approaching within this many months before it is reached.',
      source: 'Product choice',
      params: {
        months: 6,
      },
    },
    REAPPOINTMENT_GAP: {
      id: 'REAPPOINTMENT_GAP',
      sentence:
        'A gap of up to this many days between a post and its re-appointment (e.g. around a re-election) does not break continuity in the post or the level.',
      source: 'Product choice (HR records close and reopen posts around re-elections, 换届)',
      params: {
        days: 90,
      },
    },
    PROMO_WORK_YEARS: {
      id: 'PROMO_WORK_YEARS',
      sentence: 'Promotion to county-level deputy or above needs this many years of work experience.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(1)',
      params: {
        years: 5,
        appliesToLevels: ['COUNTY_DEPUTY', 'COUNTY_CHIEF', 'BUREAU_DEPUTY', 'BUREAU_CHIEF'],
      },
    },
    PROMO_GRASSROOTS_YEARS: {
      id: 'PROMO_GRASSROOTS_YEARS',
      sentence: 'Promotion to county-level deputy or above needs this many years of grassroots experience.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(1)',
      params: {
        years: 2,
        appliesToLevels: ['COUNTY_DEPUTY', 'COUNTY_CHIEF', 'BUREAU_DEPUTY', 'BUREAU_CHIEF'],
      },
    },
    PROMO_TWO_POSTS: {
      id: 'PROMO_TWO_POSTS',
      sentence:
        'Promotion needs experience in this many posts in the band below (its deputy and chief levels).',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(2)',
      params: {
        posts: 2,
        appliesToLevels: ['COUNTY_DEPUTY', 'COUNTY_CHIEF', 'BUREAU_DEPUTY', 'BUREAU_CHIEF'],
      },
    },
    PROMO_TIME_IN_LEVEL: {
      id: 'PROMO_TIME_IN_LEVEL',
      sentence:
        'Deputy to chief of the same level needs 2 years at the deputy level; chief to the next deputy level, 3 years.',
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(3); 公务员职务与职级并行规定 (2019)',
      params: {
        deputyToChiefYears: 2,
        chiefToNextDeputyYears: 3,
      },
    },
    PROMO_EDUCATION: {
      id: 'PROMO_EDUCATION',
      sentence:
        "Leadership posts need a college diploma; bureau-level deputy and above need a bachelor's degree.",
      source: '党政领导干部选拔任用工作条例 (2019) art. 8(4)',
      params: {
        order: ['SECONDARY', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'],
        defaultMinimum: 'COLLEGE',
        minimumByLevel: {
          BUREAU_DEPUTY: 'BACHELOR',
          BUREAU_CHIEF: 'BACHELOR',
        },
      },
    },
    PROMO_APPRAISAL: {
      id: 'PROMO_APPRAISAL',
      sentence:
        'A BASICALLY_COMPETENT, UNGRADED or INCOMPETENT year does not count toward the time needed at a post or rank level; each EXCELLENT year shortens the time needed at a rank by 6 months; an INCOMPETENT year blocks promotion until a later year graded COMPETENT or better has ended; a partial first year at a level does not count.',
      source:
        '公务员职务与职级并行规定 (2019) (rank time; each 优秀 year shortens it by half a year); 公务员考核规定 (2020) (基本称职, 不定等次 and 不称职 years not counted; 不称职 leads to one step down) (article numbers to verify with the texts)',
      params: {
        excellentShortensMonths: 6,
        notCountingGrades: ['BASICALLY_COMPETENT', 'UNGRADED', 'INCOMPETENT'],
        blockingGrades: ['INCOMPETENT'],
        notCountingLadders: ['LEADERSHIP', 'RANK'],
        excellentLadders: ['RANK'],
        countedYearsToLift: 1,
        partialFirstYearCounts: false,
      },
    },
    APPRAISAL_INCOMPETENT: {
      id: 'APPRAISAL_INCOMPETENT',
      sentence:
        'A year appraised INCOMPETENT is flagged (WARNING) through the following calendar year: it leads to one step down in post or rank and blocks promotion (PROMO_APPRAISAL).',
      source:
        '公务员考核规定 (2020) (不称职: 降低一个职务或者职级层次); 公务员法 (2018) (appraisal results as the basis for adjusting post and rank) (article numbers to verify with the texts)',
      params: {
        grades: ['INCOMPETENT'],
        followingYears: 1,
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
          WARNING: {
            months: 6,
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
          DEMERIT: {
            months: 12,
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
          MAJOR_DEMERIT: {
            months: 18,
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
          DEMOTION: {
            months: 24,
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
          REMOVAL: {
            months: 24,
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
          PARTY_WARNING: {
            months: 12,
            source: '中国共产党纪律处分条例 (2023) art. 10',
          },
          PARTY_SERIOUS_WARNING: {
            months: 18,
            source: '中国共产党纪律处分条例 (2023) art. 10',
          },
          PARTY_POST_REMOVAL: {
            months: 24,
            source:
              '中国共产党纪律处分条例 (2023) art. 11 (before a post at or above the former one; verify the article)',
          },
          PARTY_PROBATION: {
            months: 24,
            source:
              '中国共产党纪律处分条例 (2023) art. 12 (2 years after Party rights are restored: record the restoration as the effective date; verify the article)',
          },
          ADMONISHMENT: {
            months: 6,
            source: '关于对党员领导干部进行诫勉的规定 (2019) (verify the article)',
          },
          TRANSFER_OUT: {
            months: 12,
            source: '组织处理规定（试行）(2021) (verify the article)',
          },
          DISMISSAL_FROM_POST: {
            months: 12,
            source: '组织处理规定（试行）(2021) (verify the article)',
          },
          DEMOTION_IN_POST: {
            months: 24,
            source: '组织处理规定（试行）(2021) (verify the article)',
          },
        },
      },
    },
    TRAINING_5Y: {
      id: 'TRAINING_5Y',
      sentence:
        'County-level deputies and above, and fourth-grade researchers and above, complete 550 class hours (or 3 months) of centralised training in any 5 years, counted from entry to that band and pro-rated until it has lasted 5 years.',
      source: '干部教育培训工作条例 (2023) art. 14',
      params: {
        hours: 550,
        days: 90,
        windowYears: 5,
        countingKinds: [
          'PARTY_SCHOOL',
          'ADMINISTRATION_INSTITUTE',
          'CADRE_ACADEMY',
          'UNIVERSITY',
          'FULL_TIME_CLASS',
        ],
        appliesToLevels: [
          'COUNTY_DEPUTY',
          'COUNTY_CHIEF',
          'BUREAU_DEPUTY',
          'BUREAU_CHIEF',
          'RESEARCHER_4',
          'RESEARCHER_3',
          'RESEARCHER_2',
          'RESEARCHER_1',
          'INSPECTOR_2',
          'INSPECTOR_1',
        ],
      },
    },
    TRAINING_ANNUAL: {
      id: 'TRAINING_ANNUAL',
      sentence:
        'Township leaders, and first-grade principal staff members and below, complete 90 class hours (or 12 days) of centralised training a year: the last completed year is judged, the current one is shown pro-rated to the date.',
      source: '干部教育培训工作条例 (2023) art. 14',
      params: {
        hours: 90,
        days: 12,
        countingKinds: [
          'PARTY_SCHOOL',
          'ADMINISTRATION_INSTITUTE',
          'CADRE_ACADEMY',
          'UNIVERSITY',
          'FULL_TIME_CLASS',
        ],
        appliesToLevels: [
          'TOWNSHIP_DEPUTY',
          'TOWNSHIP_CHIEF',
          'CLERK_2',
          'CLERK_1',
          'PRINCIPAL_STAFF_4',
          'PRINCIPAL_STAFF_3',
          'PRINCIPAL_STAFF_2',
          'PRINCIPAL_STAFF_1',
        ],
      },
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
      params: {
        windowMonths: 24,
      },
    },
    PROMO_PARTY_AGE: {
      id: 'PROMO_PARTY_AGE',
      sentence:
        'A Party post needs the Party age the Party constitution sets: 3 years for county-level posts (members of county committees), 5 years for bureau-level posts (province and prefecture committees).',
      source:
        '党政领导干部选拔任用工作条例 (2019) art. 8(7); 中国共产党章程 (2022), ch. 4 on local organisations (committee members: 5 years at province and prefecture level, 3 at county level; verify the article numbers)',
      params: {
        yearsByLevel: {
          COUNTY_DEPUTY: 3,
          COUNTY_CHIEF: 3,
          BUREAU_DEPUTY: 5,
          BUREAU_CHIEF: 5,
        },
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
    AVOIDANCE: {
      id: 'AVOIDANCE',
      sentence:
        'Close relatives (spouse, lineal relatives, collateral relatives within three generations, close in-laws) do not hold posts in the same unit’s leadership or in a direct reporting line (one a leader of a unit, the other in that unit or leading a unit directly under it); county Party secretaries, county heads and the heads of organisation, discipline inspection, courts, procuratorates and public security are not posted in the county of their native place or place of birth.',
      source:
        '公务员法 (2018) arts. 74–76; 党政领导干部任职回避暂行规定 (2006) (relatives and home-area avoidance; verify the articles)',
      params: {
        closeRelations: [
          'SPOUSE',
          'PARENT',
          'CHILD',
          'SIBLING',
          'GRANDPARENT',
          'GRANDCHILD',
          'UNCLE_AUNT',
          'NEPHEW_NIECE',
          'COUSIN',
          'PARENT_IN_LAW',
          'CHILD_IN_LAW',
          'SIBLING_IN_LAW',
        ],
        homeAreaUnitLevels: ['COUNTY'],
        homeAreaPosts: [
          {
            code: 'PARTY_SECRETARY',
            unitKinds: ['PARTY_COMMITTEE'],
            unitNamePattern: '委员会$',
            titlePattern: '(^|、)([县区市旗]委)?书记(、|$)',
          },
          {
            code: 'GOVERNMENT_HEAD',
            unitKinds: ['GOVERNMENT'],
            unitNamePattern: '人民政府$',
            titlePattern: '(^|、)[县区市旗]长(、|$)',
          },
          {
            code: 'ORGANISATION_HEAD',
            unitKinds: ['PARTY_COMMITTEE'],
            unitNamePattern: '组织部$',
            titlePattern: '(^|、)(组织)?部长(、|$)',
          },
          {
            code: 'DISCIPLINE_HEAD',
            unitKinds: ['DISCIPLINE_INSPECTION'],
            titlePattern: '(^|、)([县区市旗]?纪委)?书记(、|$)|(^|、)([县区市旗]?监委)?主任(、|$)',
          },
          {
            code: 'COURT_PRESIDENT',
            unitKinds: ['COURT'],
            titlePattern: '(^|、)院长(、|$)',
          },
          {
            code: 'CHIEF_PROCURATOR',
            unitKinds: ['PROCURATORATE'],
            titlePattern: '(^|、)检察长(、|$)',
          },
          {
            code: 'PUBLIC_SECURITY_HEAD',
            unitKinds: ['GOVERNMENT'],
            unitNamePattern: '公安(分)?局$',
            titlePattern: '(^|、)局长(、|$)',
          },
        ],
      },
    },
    TEAM_STRUCTURE: {
      id: 'TEAM_STRUCTURE',
      sentence:
        'A unit’s leadership team has at least one woman, at least one young cadre (35 or under at township level, 40 at county level, 45 at bureau level), and at least half of its members have grassroots experience.',
      source:
        '党政领导干部选拔任用工作条例 (2019) (team structure); ages and the woman target as commonly set by local policy (DOMAIN.md “Teams, posts and avoidance”); the grassroots share is a product choice',
      params: {
        minWomen: 1,
        minYoung: 1,
        youngMaxAgeByLevel: {
          TOWNSHIP_DEPUTY: 35,
          TOWNSHIP_CHIEF: 35,
          COUNTY_DEPUTY: 40,
          COUNTY_CHIEF: 40,
          BUREAU_DEPUTY: 45,
          BUREAU_CHIEF: 45,
        },
        minGrassrootsShare: 0.5,
        ageBands: [35, 40, 45, 50, 55],
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

export class PublishPolicy2026121764237990000 implements MigrationInterface {
  name = 'PublishPolicy2026121764237990000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS policy_version_skip_stale_trg ON policy_version`);
    await q.query(`DROP FUNCTION IF EXISTS policy_version_skip_stale()`);
    await q.query(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       SELECT l.version + 1, greatest(DATE '2026-12-05', l.effective_from + 1), $1::jsonb, $2, 'migration'
         FROM (SELECT version, effective_from, document FROM policy_version ORDER BY version DESC LIMIT 1) l
        WHERE l.document <> $1::jsonb
          AND EXISTS (SELECT 1 FROM policy_version WHERE published_at <> now())`,
      [
        JSON.stringify(DOCUMENT),
        'Rules of issues 15, 16 and 19: appraisal effects, training windows, avoidance and team structure.',
      ],
    );
  }

  async down(): Promise<void> {
    // Policy versions are never deleted (a trigger refuses it): an evaluation made under this one stays reproducible.
  }
}
