import { randomUUID } from 'node:crypto';
import { dayOf, fmtDay } from './dates';
import { SeedRows } from './rows';
import { SeedUnit } from './units';

/**
 * The six example cases of DOMAIN.md, exactly as written there, with fixed external ids DEMO-001…DEMO-006.
 * Names are fictional. Outcomes are judged as of 2026-11-27 (SEED_AS_OF). Cases other than the selected graduate
 * get the induction and annual training their level requires, so each shows only the flags DOMAIN.md expects.
 */
export interface DemoPosting {
  unit: string;
  title: string;
  level: string;
  start: string;
  end: string | null;
}
export interface DemoImpact {
  indicator: string;
  baseline: number;
  result: number;
  unit: string;
  betterWhen: 'HIGHER' | 'LOWER';
}
export interface DemoAchievement {
  title: string;
  description: string;
  achievedOn: string;
  domain: string;
  recognition: string;
  status: 'CLAIMED' | 'VERIFIED';
  impacts: DemoImpact[];
}
export interface DemoCase {
  externalId: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  partyJoinDate: string | null;
  workStartDate: string;
  education: string;
  major: string;
  postings: DemoPosting[];
  achievements: DemoAchievement[];
  trainings: { title: string; provider: string; kind: string; start: string; end: string; hours: number }[];
  appraisals: { year: number; grade: string }[];
}

const VERIFIER = '中共云岭市委组织部';

/** Case 2: COMPETENT or better every year 2009–2025, EXCELLENT in a few. */
const case2Appraisals = Array.from({ length: 2025 - 2009 + 1 }, (_, i) => 2009 + i).map((year) => ({
  year,
  grade: [2013, 2017, 2021, 2024].includes(year) ? 'EXCELLENT' : 'COMPETENT',
}));

export const DEMO_CASES: readonly DemoCase[] = [
  {
    externalId: 'DEMO-001',
    name: '木雪娇',
    gender: 'FEMALE',
    birthDate: '1986-02-14',
    ethnicity: '纳西族',
    nativePlace: '雪山县',
    partyJoinDate: '2008-06-01',
    workStartDate: '2008-07-01',
    education: 'BACHELOR',
    major: '旅游管理',
    postings: [{ unit: 'YL-XS', title: '副县长', level: 'COUNTY_DEPUTY', start: '2020-06-01', end: null }],
    achievements: [
      {
        title: '短视频推介冬季冰雪旅游',
        description: '身披红斗篷策马雪原拍摄系列短视频，推介雪山县冬季旅游',
        achievedOn: '2022-12-20',
        domain: 'CULTURAL_TOURISM',
        recognition: 'PROVINCE',
        status: 'VERIFIED',
        impacts: [
          {
            indicator: '年接待游客',
            baseline: 180000,
            result: 410000,
            unit: '人次/年',
            betterWhen: 'HIGHER',
          },
        ],
      },
      {
        title: '直播带货销售雪山县特色农产品',
        description: '县长直播间销售牦牛肉、高原蜂蜜等本地农产品',
        achievedOn: '2021-11-20',
        domain: 'AGRICULTURE_MARKETING',
        recognition: 'COUNTY',
        status: 'VERIFIED',
        impacts: [],
      },
    ],
    trainings: [
      {
        title: '新任县处级领导干部任职培训班',
        provider: '云岭省委党校',
        kind: 'PARTY_SCHOOL',
        start: '2020-09-01',
        end: '2020-10-10',
        hours: 240,
      },
      {
        title: '县处级领导干部进修班',
        provider: '云岭省委党校',
        kind: 'PARTY_SCHOOL',
        start: '2023-03-01',
        end: '2023-04-30',
        hours: 320,
      },
      {
        title: '文旅融合发展专题研修班',
        provider: '云岭省行政学院',
        kind: 'ADMINISTRATION_INSTITUTE',
        start: '2025-05-10',
        end: '2025-06-10',
        hours: 260,
      },
    ],
    appraisals: [],
  },
  {
    externalId: 'DEMO-002',
    name: '杨守田',
    gender: 'MALE',
    birthDate: '1985-09-03',
    ethnicity: '汉族',
    nativePlace: '禾溪县',
    partyJoinDate: '2006-05-04',
    workStartDate: '2008-07-01',
    education: 'BACHELOR',
    major: '农学',
    postings: [
      {
        unit: 'YL-HX-T02',
        title: '副镇长',
        level: 'TOWNSHIP_DEPUTY',
        start: '2011-07-01',
        end: '2015-08-31',
      },
      { unit: 'YL-HX-T04', title: '镇长', level: 'TOWNSHIP_CHIEF', start: '2015-09-01', end: null },
    ],
    achievements: [],
    trainings: [
      {
        title: '新任乡镇领导干部培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2011-09-05',
        end: '2011-09-25',
        hours: 120,
      },
      {
        title: '乡镇党政正职任职培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2015-10-12',
        end: '2015-10-31',
        hours: 120,
      },
      {
        title: '乡镇长履职能力提升班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2026-04-06',
        end: '2026-04-20',
        hours: 96,
      },
    ],
    appraisals: case2Appraisals,
  },
  {
    externalId: 'DEMO-003',
    name: '林知远',
    gender: 'FEMALE',
    birthDate: '2001-10-08',
    ethnicity: '汉族',
    nativePlace: '青河区',
    partyJoinDate: '2021-06-20',
    workStartDate: '2025-08-01',
    education: 'MASTER',
    major: '公共管理',
    postings: [{ unit: 'YL-BM-T01', title: '一级科员', level: 'CLERK_1', start: '2025-08-01', end: null }],
    achievements: [],
    trainings: [
      {
        title: '选调生入职培训',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2026-03-09',
        end: '2026-03-11',
        hours: 18,
      },
      {
        title: '乡村振兴政策网络专题学习',
        provider: '中国干部网络学院',
        kind: 'ONLINE',
        start: '2026-05-06',
        end: '2026-06-30',
        hours: 12,
      },
    ],
    appraisals: [],
  },
  {
    externalId: 'DEMO-004',
    name: '周路明',
    gender: 'MALE',
    birthDate: '1990-04-21',
    ethnicity: '白族',
    nativePlace: '白马县',
    partyJoinDate: '2011-11-11',
    workStartDate: '2013-07-01',
    education: 'MASTER',
    major: '交通运输',
    postings: [
      { unit: 'YL-JTJ', title: '二级主任科员', level: 'PRINCIPAL_STAFF_2', start: '2022-03-01', end: null },
    ],
    achievements: [
      {
        title: '城区干道车道重新划分调研与改造',
        description: '青年干部调研组实测路段车流，重新划分机动车道与非机动车道',
        achievedOn: '2025-10-15',
        domain: 'TRANSPORT',
        recognition: 'UNIT',
        status: 'VERIFIED',
        impacts: [
          {
            indicator: 'share of e-bikes entering motor lanes off-peak',
            baseline: 38.5,
            result: 4.7,
            unit: '%',
            betterWhen: 'LOWER',
          },
        ],
      },
    ],
    trainings: [
      {
        title: '城市交通治理专题研修',
        provider: '云岭市行政学院',
        kind: 'ADMINISTRATION_INSTITUTE',
        start: '2026-06-01',
        end: '2026-06-12',
        hours: 100,
      },
    ],
    appraisals: [],
  },
  {
    externalId: 'DEMO-005',
    name: '赵春山',
    gender: 'MALE',
    birthDate: '1980-12-30',
    ethnicity: '彝族',
    nativePlace: '雪山县',
    partyJoinDate: '2002-07-01',
    workStartDate: '2003-08-01',
    education: 'COLLEGE',
    major: '行政管理',
    postings: [
      { unit: 'YL-XS-T02', title: '副乡长', level: 'TOWNSHIP_DEPUTY', start: '2017-03-01', end: null },
    ],
    achievements: [],
    trainings: [
      {
        title: '新任乡镇领导干部培训班',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2017-05-08',
        end: '2017-05-26',
        hours: 110,
      },
      {
        title: '乡村振兴专题轮训',
        provider: '云岭市委党校',
        kind: 'PARTY_SCHOOL',
        start: '2026-03-09',
        end: '2026-03-20',
        hours: 92,
      },
    ],
    appraisals: [],
  },
  {
    externalId: 'DEMO-006',
    name: '陈书敏',
    gender: 'FEMALE',
    birthDate: '1988-06-17',
    ethnicity: '汉族',
    nativePlace: '青河区',
    partyJoinDate: null,
    workStartDate: '2011-09-01',
    education: 'BACHELOR',
    major: '教育学',
    postings: [
      {
        unit: 'YL-QH-JYJ',
        title: '四级主任科员',
        level: 'PRINCIPAL_STAFF_4',
        start: '2019-09-01',
        end: null,
      },
    ],
    achievements: [
      {
        title: '推动辖区小学课后服务全覆盖',
        description: '协调学校、社区和志愿者开展课后托管服务',
        achievedOn: '2024-06-28',
        domain: 'EDUCATION',
        recognition: 'COUNTY',
        status: 'CLAIMED',
        impacts: [],
      },
      {
        title: '组织区域教师轮岗交流',
        description: '推动城区学校骨干教师到薄弱学校轮岗',
        achievedOn: '2025-03-31',
        domain: 'EDUCATION',
        recognition: 'PREFECTURE',
        status: 'CLAIMED',
        impacts: [],
      },
      {
        title: '开发青河乡土特色课程',
        description: '编写乡土文化校本课程并在区内推广',
        achievedOn: '2026-04-20',
        domain: 'EDUCATION',
        recognition: 'PROVINCE',
        status: 'CLAIMED',
        impacts: [],
      },
    ],
    trainings: [
      {
        title: '教育政策法规专题培训',
        provider: '云岭市行政学院',
        kind: 'ADMINISTRATION_INSTITUTE',
        start: '2026-07-06',
        end: '2026-07-17',
        hours: 90,
      },
    ],
    appraisals: [],
  },
];

export const DEMO_CASE_NAMES: ReadonlySet<string> = new Set(DEMO_CASES.map((c) => c.name));

/** Queues the cases' rows; unit codes resolve through `units`. */
export function writeDemoCases(rows: SeedRows, units: ReadonlyMap<string, SeedUnit>): void {
  for (const c of DEMO_CASES) writeDemoCase(rows, units, c);
}

/** Queues one case's cadre and records; returns the cadre's id. */
export function writeDemoCase(rows: SeedRows, units: ReadonlyMap<string, SeedUnit>, c: DemoCase): string {
  const cadreId = randomUUID();
  rows.cadre.push(
    cadreId,
    c.externalId,
    c.name,
    c.gender,
    c.birthDate,
    c.ethnicity,
    c.nativePlace,
    c.partyJoinDate,
    c.workStartDate,
    c.education,
    c.major,
    false,
    null,
    'ACTIVE',
  );
  for (const p of c.postings) {
    const unit = units.get(p.unit);
    if (!unit) throw new Error(`demo case ${c.externalId}: unknown unit ${p.unit}`);
    rows.posting.push(randomUUID(), cadreId, unit.id, p.title, p.level, 'REGULAR', p.start, p.end);
  }
  for (const a of c.achievements) {
    const id = randomUUID();
    const verified = a.status === 'VERIFIED';
    rows.achievement.push(
      id,
      cadreId,
      a.title,
      a.description,
      a.achievedOn,
      a.domain,
      a.recognition,
      a.status,
      verified ? VERIFIER : null,
      // verified some six weeks after the fact
      verified ? `${fmtDay(dayOf(a.achievedOn) + 45)}T10:00:00+08:00` : null,
      verified ? '经实地核实' : null,
    );
    a.impacts.forEach((m, i) =>
      rows.impact.push(randomUUID(), id, i + 1, m.indicator, m.baseline, m.result, m.unit, m.betterWhen),
    );
  }
  for (const t of c.trainings) {
    rows.training.push(randomUUID(), cadreId, t.title, t.provider, t.kind, t.start, t.end, t.hours, true);
  }
  for (const a of c.appraisals) rows.appraisal.push(randomUUID(), cadreId, a.year, a.grade, null);
  return cadreId;
}
