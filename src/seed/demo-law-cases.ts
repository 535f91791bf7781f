import { randomUUID } from 'node:crypto';
import { DemoCase, writeDemoCase } from './demo-cases';
import { SeedRows } from './rows';
import { SeedUnit } from './units';

/**
 * Three more demo cadres for the records the law adds (issue 15), beside the six DOMAIN.md cases and judged on
 * the same date (2026-11-27). Each is otherwise eligible: full training, COMPETENT years, posts in the band.
 * - DEMO-007: a township head under a demerit (记过) effective 2026-03-16, so its 12 months run until 2027-03-15.
 * - DEMO-008: a township deputy whose demerit (effective 2026-05-11, its 12 months running until 2027-05-10) a
 *   容错 decision lifted on 2026-09-15: eligible, with the decision shown as the reason.
 * - DEMO-009: a township deputy for 2.5 years who holds the rank PRINCIPAL_STAFF_4 beside the post.
 */
interface LawCase extends DemoCase {
  sanctions: {
    kind: string;
    decisionDate: string;
    effectiveDate: string;
    issuingBody: string;
    documentNumber: string;
    note: string;
    tolerance: { basis: string; decidedOn: string; note: string } | null;
  }[];
  ranks: { level: string; start: string; end: string | null }[];
}

const competent = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, grade: 'COMPETENT' }));
// Each year's centralised training, so the sanction and rank cases raise no TRAINING_SHORTFALL (the last completed
// year is judged, issue 16).
const rotation2025 = {
  title: '乡镇领导干部专题轮训',
  provider: '云岭市委党校',
  kind: 'PARTY_SCHOOL',
  start: '2025-05-12',
  end: '2025-05-23',
  hours: 92,
};
const rotation2026 = {
  title: '乡镇领导干部综合能力提升轮训',
  provider: '云岭市委党校',
  kind: 'PARTY_SCHOOL',
  start: '2026-04-06',
  end: '2026-04-17',
  hours: 92,
};

export const DEMO_LAW_CASES: readonly LawCase[] = [
  {
    externalId: 'DEMO-007',
    name: '岳明川',
    gender: 'MALE',
    birthDate: '1984-04-18',
    ethnicity: '白族',
    nativePlace: '白马县',
    partyJoinDate: '2005-06-20',
    workStartDate: '2007-08-01',
    education: 'BACHELOR',
    major: '公共事业管理',
    postings: [
      {
        unit: 'YL-BM-T02',
        title: '副镇长',
        level: 'TOWNSHIP_DEPUTY',
        start: '2018-03-01',
        end: '2021-08-31',
      },
      { unit: 'YL-BM-T03', title: '乡长', level: 'TOWNSHIP_CHIEF', start: '2021-09-01', end: null },
    ],
    achievements: [],
    trainings: [
      {
        title: '新任乡镇长任职培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2021-10-11',
        end: '2021-10-29',
        hours: 110,
      },
      rotation2025,
      rotation2026,
    ],
    appraisals: competent(2019, 2025),
    sanctions: [
      {
        kind: 'DEMERIT',
        decisionDate: '2026-03-12',
        effectiveDate: '2026-03-16',
        issuingBody: '白马县纪委监委',
        documentNumber: '白纪发〔2026〕5号',
        note: '防汛值守期间擅离岗位',
        tolerance: null,
      },
    ],
    ranks: [],
  },
  {
    externalId: 'DEMO-008',
    name: '苏晓禾',
    gender: 'FEMALE',
    birthDate: '1989-10-05',
    ethnicity: '汉族',
    nativePlace: '禾溪县',
    partyJoinDate: '2010-12-01',
    workStartDate: '2012-08-01',
    education: 'MASTER',
    major: '农业经济管理',
    postings: [
      { unit: 'YL-BM-T04', title: '副乡长', level: 'TOWNSHIP_DEPUTY', start: '2022-03-01', end: null },
    ],
    achievements: [],
    trainings: [
      {
        title: '新任乡镇领导干部培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2022-05-09',
        end: '2022-05-27',
        hours: 110,
      },
      rotation2025,
      rotation2026,
    ],
    appraisals: competent(2022, 2025),
    sanctions: [
      {
        kind: 'DEMERIT',
        decisionDate: '2026-05-08',
        effectiveDate: '2026-05-11',
        issuingBody: '白马县纪委监委',
        documentNumber: '白纪发〔2026〕11号',
        note: '村集体产业项目试点亏损',
        tolerance: {
          basis: '三个区分开来：在推进改革中因缺乏经验、先行先试出现的失误，未谋取私利',
          decidedOn: '2026-09-15',
          note: '白马县委容错纠错工作领导小组认定',
        },
      },
    ],
    ranks: [],
  },
  {
    externalId: 'DEMO-009',
    name: '和嘉树',
    gender: 'MALE',
    birthDate: '1990-07-22',
    ethnicity: '纳西族',
    nativePlace: '雪山县',
    partyJoinDate: '2011-05-04',
    workStartDate: '2013-08-01',
    education: 'BACHELOR',
    major: '法学',
    postings: [
      {
        unit: 'YL-XS-T03',
        title: '四级主任科员',
        level: 'PRINCIPAL_STAFF_4',
        start: '2020-06-01',
        end: '2024-05-26',
      },
      { unit: 'YL-XS-T03', title: '副乡长', level: 'TOWNSHIP_DEPUTY', start: '2024-05-27', end: null },
    ],
    achievements: [],
    trainings: [
      {
        title: '新任乡镇领导干部培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2024-07-08',
        end: '2024-07-26',
        hours: 110,
      },
      rotation2025,
      rotation2026,
    ],
    appraisals: competent(2021, 2025),
    sanctions: [],
    ranks: [{ level: 'PRINCIPAL_STAFF_4', start: '2020-06-01', end: null }],
  },
];

export const DEMO_LAW_CASE_NAMES: ReadonlySet<string> = new Set(DEMO_LAW_CASES.map((c) => c.name));

/** Queues the cases' rows as writeDemoCases does, then their sanctions and rank grants. */
export function writeDemoLawCases(rows: SeedRows, units: ReadonlyMap<string, SeedUnit>): void {
  for (const c of DEMO_LAW_CASES) {
    const cadreId = writeDemoCase(rows, units, c);
    for (const s of c.sanctions) {
      rows.sanction.push(
        randomUUID(),
        cadreId,
        s.kind,
        s.decisionDate,
        s.effectiveDate,
        s.issuingBody,
        s.documentNumber,
        s.note,
        s.tolerance?.basis ?? null,
        s.tolerance?.decidedOn ?? null,
        s.tolerance?.note ?? null,
      );
    }
    for (const r of c.ranks) rows.rankGrant.push(randomUUID(), cadreId, r.level, r.start, r.end);
  }
}
