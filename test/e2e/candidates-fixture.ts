import { DataSource } from 'typeorm';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { makeAchievement, makeTraining } from './flags-helpers';

/**
 * A small province for ranking tests: city C with counties A (townships A1, A2) and B (township B1). Township
 * chiefs, each with an earlier deputy post in another township (two posts in the band), a bachelor's degree and
 * work since 2008, judged as of 2026-11-27 for COUNTY_DEPUTY. Scores are worked out by hand in the tests.
 */
export interface RankingFixture {
  city: string;
  countyA: string;
  countyB: string;
  a1: string;
  a2: string;
  b1: string;
  ids: Record<'ann' | 'bo' | 'cai' | 'dan' | 'eve' | 'fay' | 'gus' | 'hal' | 'ivy', string>;
}

export async function appraise(
  ds: DataSource,
  cadreId: string,
  grades: Record<number, string>,
): Promise<void> {
  for (const [year, grade] of Object.entries(grades)) {
    await ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, $3)`, [
      cadreId,
      year,
      grade,
    ]);
  }
}

/** A township chief since `chiefFrom` in `chiefUnit`, deputy in `deputyUnit` until the day before. */
export async function townshipChief(
  ds: DataSource,
  o: {
    name: string;
    deputyUnit: string;
    chiefUnit: string;
    deputyFrom: string;
    chiefFrom: string;
    education?: string;
  },
): Promise<string> {
  const c = await makeCadre(ds, {
    name: o.name,
    workStartDate: '2008-07-01',
    educationLevel: o.education ?? 'BACHELOR',
  });
  const dayBefore = new Date(Date.parse(`${o.chiefFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await makePosting(ds, c.id, o.deputyUnit, {
    title: '副镇长',
    level: 'TOWNSHIP_DEPUTY',
    startDate: o.deputyFrom,
    endDate: dayBefore,
  });
  await makePosting(ds, c.id, o.chiefUnit, {
    title: '镇长',
    level: 'TOWNSHIP_CHIEF',
    startDate: o.chiefFrom,
  });
  return c.id;
}

export async function rankingFixture(ds: DataSource): Promise<RankingFixture> {
  const province = await makeUnit(ds, { level: 'PROVINCE' });
  const city = (await makeUnit(ds, { level: 'PREFECTURE', parentId: province.id, name: '云岭市' })).id;
  const countyA = (await makeUnit(ds, { level: 'COUNTY', parentId: city, name: 'A县' })).id;
  const countyB = (await makeUnit(ds, { level: 'COUNTY', parentId: city, name: 'B县' })).id;
  const a1 = (await makeUnit(ds, { level: 'TOWNSHIP', parentId: countyA, name: 'A1镇' })).id;
  const a2 = (await makeUnit(ds, { level: 'TOWNSHIP', parentId: countyA, name: 'A2镇' })).id;
  const b1 = (await makeUnit(ds, { level: 'TOWNSHIP', parentId: countyB, name: 'B1镇' })).id;
  const chief = (
    name: string,
    deputyUnit: string,
    chiefUnit: string,
    deputyFrom: string,
    chiefFrom: string,
  ) => townshipChief(ds, { name, deputyUnit, chiefUnit, deputyFrom, chiefFrom });

  const ann = await chief('Ann', a1, a2, '2012-12-01', '2016-12-01');
  await appraise(ds, ann, { 2023: 'EXCELLENT', 2024: 'EXCELLENT', 2025: 'EXCELLENT' });
  await makeAchievement(ds, ann, {
    domain: 'CULTURAL_TOURISM',
    recognitionLevel: 'PROVINCE',
    achievedOn: '2024-05-01',
  });
  await makeTraining(ds, ann, { startDate: '2025-03-01', endDate: '2025-03-20', classHours: 275 });

  const bo = await chief('Bo', a2, a1, '2014-12-01', '2018-12-01');
  await appraise(ds, bo, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
  const cai = await chief('Cai', a1, a2, '2014-12-01', '2018-12-01');
  await appraise(ds, cai, { 2025: 'EXCELLENT' });
  await makeTraining(ds, cai, { startDate: '2024-03-01', endDate: '2024-05-31', classHours: 550 });
  const dan = await chief('Dan', a2, a1, '2014-12-01', '2018-12-01');
  await appraise(ds, dan, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
  const eve = await chief('Eve', b1, b1, '2014-12-01', '2018-12-01');
  await ds.query(`UPDATE posting SET unit_id = $1 WHERE cadre_id = $2 AND level = 'TOWNSHIP_DEPUTY'`, [
    a1,
    eve,
  ]);
  await appraise(ds, eve, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
  // Three years at TOWNSHIP_CHIEF on 2027-06-01: READY_SOON within 12 months.
  const fay = await chief('Fay', a1, a2, '2016-06-01', '2024-06-01');
  // 2029-01-01: beyond any window asked for here.
  const gus = await chief('Gus', a2, a1, '2016-06-01', '2026-01-01');
  // Secondary education: blocked whatever the date.
  const hal = await townshipChief(ds, {
    name: 'Hal',
    deputyUnit: a1,
    chiefUnit: a2,
    deputyFrom: '2012-12-01',
    chiefFrom: '2016-12-01',
    education: 'SECONDARY',
  });
  // A township deputy: not one step below COUNTY_DEPUTY.
  const ivy = (await makeCadre(ds, { name: 'Ivy', workStartDate: '2008-07-01' })).id;
  await makePosting(ds, ivy, a1, { level: 'TOWNSHIP_DEPUTY', startDate: '2010-01-01' });
  return { city, countyA, countyB, a1, a2, b1, ids: { ann, bo, cai, dan, eve, fay, gus, hal, ivy } };
}
