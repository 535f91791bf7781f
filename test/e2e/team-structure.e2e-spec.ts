import ExcelJS from 'exceljs';
import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { LABELS } from '../../src/i18n/labels';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { parseCsv } from './csv-helpers';

const STRUCTURE = `query($unitId: ID!, $asOf: Date) { teamStructure(unitId: $unitId, asOf: $asOf) {
  unitId asOf policyVersion holders women young grassroots averageAge missed
  targets { code required actual met }
  members { cadreId name title level age gender young grassroots }
  posts { title level holders cadreIds }
  genders { key count } ethnicities { key count } educationLevels { key count } fields { key count }
  ageBands { from to count } unit { name } } }`;
const STRUCTURES = `query($unitId: ID, $asOf: Date, $missingOnly: Boolean, $first: Int, $after: String) {
  teamStructures(unitId: $unitId, asOf: $asOf, missingOnly: $missingOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { unitId holders women young missed unit { name } } } } }`;
const YOUNG = `query($unitId: ID, $asOf: Date, $level: String!, $first: Int, $after: String) {
  youngCadres(unitId: $unitId, asOf: $asOf, level: $level, first: $first, after: $after) {
    totalCount maxAge policyVersion pageInfo { hasNextPage endCursor }
    edges { node { cadreId title level age birthDate cadre { name } unit { name }
                   pathway { currentLevel nextLevel } } } } }`;

/** Fixed dates: nothing here depends on today. */
const AS_OF = '2024-06-30';

describe('leadership teams: teamStructure, teamStructures, youngCadres', () => {
  let t: TestApp;
  let prefecture: string;
  let county: string;
  let townA: string;
  let townB: string;
  let otherCounty: string;
  let dept: string;
  let otherDept: string;
  const ids: Record<string, string> = {};

  async function member(
    name: string,
    unitId: string,
    p: {
      gender: string;
      birthDate: string;
      title: string;
      level: string;
      ethnicity?: string;
      education?: string;
    },
  ) {
    ids[name] = (
      await makeCadre(t.ds, {
        name,
        gender: p.gender,
        birthDate: p.birthDate,
        educationLevel: p.education ?? 'BACHELOR',
      })
    ).id;
    await t.ds.query(`UPDATE cadre SET ethnicity = $2 WHERE id = $1`, [ids[name], p.ethnicity ?? '汉族']);
    await makePosting(t.ds, ids[name], unitId, { title: p.title, level: p.level, startDate: '2021-01-01' });
  }

  beforeAll(async () => {
    t = await createTestApp();
    prefecture = (await makeUnit(t.ds, { level: 'PREFECTURE', name: '云岭市人民政府' })).id;
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '禾溪县人民政府', parentId: prefecture })).id;
    townA = (await makeUnit(t.ds, { level: 'TOWNSHIP', name: '禾溪县稻香镇人民政府', parentId: county })).id;
    townB = (await makeUnit(t.ds, { level: 'TOWNSHIP', name: '禾溪县桃源乡人民政府', parentId: county })).id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY', name: '雪山县人民政府', parentId: prefecture }))
      .id;
    dept = t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'od-hexi' });
    otherDept = t.token({ role: Role.ORG_DEPT, unitId: otherCounty, sub: 'od-xueshan' });

    // The county's team: three men, one of them young (≤ 40 at county level), no woman.
    await member('县长甲', county, {
      gender: 'MALE',
      birthDate: '1970-02-01',
      title: '县长',
      level: 'COUNTY_CHIEF',
    });
    await member('副县长乙', county, {
      gender: 'MALE',
      birthDate: '1985-01-01',
      title: '副县长',
      level: 'COUNTY_DEPUTY',
      ethnicity: '彝族',
      education: 'MASTER',
    });
    await member('副县长丙', county, {
      gender: 'MALE',
      birthDate: '1978-09-09',
      title: '副县长',
      level: 'COUNTY_DEPUTY',
    });
    // A clerk in the county is no member of its team.
    await member('科员丁', county, {
      gender: 'FEMALE',
      birthDate: '1998-01-01',
      title: '一级科员',
      level: 'CLERK_1',
    });
    // Township A: a woman and a young cadre (≤ 35 at township level): every target met.
    await member('镇长戊', townA, {
      gender: 'FEMALE',
      birthDate: '1991-03-03',
      title: '镇长',
      level: 'TOWNSHIP_CHIEF',
    });
    // Township B: one man of 45: no woman, no young cadre.
    await member('乡长己', townB, {
      gender: 'MALE',
      birthDate: '1979-01-01',
      title: '乡长',
      level: 'TOWNSHIP_CHIEF',
    });
    // The other county: a young deputy outside the department's jurisdiction.
    await member('副县长庚', otherCounty, {
      gender: 'FEMALE',
      birthDate: '1988-01-01',
      title: '副县长',
      level: 'COUNTY_DEPUTY',
    });
    // A deputy who left before the date is not counted.
    ids['离任'] = (await makeCadre(t.ds, { name: '离任', gender: 'FEMALE', birthDate: '1990-01-01' })).id;
    await makePosting(t.ds, ids['离任'], county, {
      title: '副县长',
      level: 'COUNTY_DEPUTY',
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
  });
  afterAll(() => t.close());

  it('reads a county team: members by level, posts, counts, age bands, and the missed woman target', async () => {
    const s = ok(await t.gql(STRUCTURE, { unitId: county, asOf: AS_OF }, dept)).teamStructure;
    expect(s).toMatchObject({
      unitId: county,
      asOf: AS_OF,
      policyVersion: 1,
      holders: 3,
      women: 0,
      young: 1,
      grassroots: 3,
      averageAge: 46,
      missed: ['WOMEN'],
      unit: { name: '禾溪县人民政府' },
    });
    expect(s.targets).toEqual([
      { code: 'WOMEN', required: 1, actual: 0, met: false },
      { code: 'YOUNG', required: 1, actual: 1, met: true },
      { code: 'GRASSROOTS_SHARE', required: 0.5, actual: 1, met: true },
    ]);
    // Highest level first; the two deputies (same level, same start) by cadre id.
    const names = s.members.map((m: { name: string }) => m.name);
    expect([names[0], [...names.slice(1)].sort()]).toEqual(['县长甲', ['副县长丙', '副县长乙'].sort()]);
    expect(s.members.find((m: { name: string }) => m.name === '副县长乙')).toMatchObject({
      age: 39,
      young: true,
      grassroots: true,
      gender: 'MALE',
    });
    expect(s.posts).toEqual([
      { title: '县长', level: 'COUNTY_CHIEF', holders: 1, cadreIds: [ids['县长甲']] },
      {
        title: '副县长',
        level: 'COUNTY_DEPUTY',
        holders: 2,
        cadreIds: [ids['副县长乙'], ids['副县长丙']].sort(),
      },
    ]);
    expect(s.genders).toEqual([{ key: 'MALE', count: 3 }]);
    expect(s.ethnicities).toEqual([
      { key: '彝族', count: 1 },
      { key: '汉族', count: 2 },
    ]);
    expect(s.educationLevels).toEqual([
      { key: 'BACHELOR', count: 2 },
      { key: 'MASTER', count: 1 },
    ]);
    expect(s.fields).toEqual([]);
    expect(s.ageBands).toEqual([
      { from: null, to: 35, count: 0 },
      { from: 36, to: 40, count: 1 },
      { from: 41, to: 45, count: 1 },
      { from: 46, to: 50, count: 0 },
      { from: 51, to: 55, count: 1 },
      { from: 56, to: null, count: 0 },
    ]);
  });

  it('counts the deputy who left as a member on a date she held the post', async () => {
    const s = ok(await t.gql(STRUCTURE, { unitId: county, asOf: '2023-06-30' })).teamStructure;
    expect(s).toMatchObject({ holders: 4, women: 1, missed: [] });
  });

  it('lists the units under a root that miss a target, a page at a time', async () => {
    const first = ok(await t.gql(STRUCTURES, { asOf: AS_OF, first: 1 }, dept)).teamStructures;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await t.gql(STRUCTURES, { asOf: AS_OF, first: 1, after: first.pageInfo.endCursor }, dept),
    ).teamStructures;
    expect(second.pageInfo.hasNextPage).toBe(false);
    const rows = [...first.edges, ...second.edges].map((e: { node: Record<string, unknown> }) => e.node);
    expect(rows.map((r) => [r.unitId, r.missed]).sort()).toEqual(
      [
        [county, ['WOMEN']],
        [townB, ['WOMEN', 'YOUNG']],
      ].sort(),
    );
    const all = ok(await t.gql(STRUCTURES, { asOf: AS_OF, missingOnly: false }, dept)).teamStructures;
    expect(all.totalCount).toBe(3);
    // ADMIN over the prefecture also sees the other county's team (a young woman: every target met).
    const admin = ok(
      await t.gql(STRUCTURES, { unitId: prefecture, asOf: AS_OF, missingOnly: false }),
    ).teamStructures;
    expect(admin.totalCount).toBe(4);
  });

  it('lists young cadres at a level with their pathways, youngest first, within the jurisdiction', async () => {
    const res = ok(await t.gql(YOUNG, { asOf: AS_OF, level: 'COUNTY_DEPUTY' }, dept)).youngCadres;
    expect(res).toMatchObject({ totalCount: 1, maxAge: 40, policyVersion: 1 });
    expect(res.edges[0].node).toMatchObject({
      cadreId: ids['副县长乙'],
      age: 39,
      title: '副县长',
      cadre: { name: '副县长乙' },
      unit: { name: '禾溪县人民政府' },
      pathway: { currentLevel: 'COUNTY_DEPUTY', nextLevel: 'COUNTY_CHIEF' },
    });
    const admin = ok(
      await t.gql(YOUNG, { unitId: prefecture, asOf: AS_OF, level: 'COUNTY_DEPUTY', first: 1 }),
    ).youngCadres;
    expect(admin.totalCount).toBe(2);
    expect(admin.edges[0].node.cadreId).toBe(ids['副县长庚']);
    const next = ok(
      await t.gql(YOUNG, {
        unitId: prefecture,
        asOf: AS_OF,
        level: 'COUNTY_DEPUTY',
        after: admin.pageInfo.endCursor,
      }),
    ).youngCadres;
    expect(next.edges.map((e: { node: { cadreId: string } }) => e.node.cadreId)).toEqual([ids['副县长乙']]);
  });

  const download = (path: string, token: string) =>
    request(t.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  it('exports the teams missing a target as CSV and XLSX in the reader’s language', async () => {
    const csv = await download(`/export/team-structures.csv?asOf=${AS_OF}`, dept);
    expect(csv.status).toBe(200);
    const [head, ...rows] = parseCsv((csv.body as Buffer).toString('utf8').slice(1));
    const zh = LABELS['zh-CN'];
    expect(head).toEqual(Object.values(zh.teamColumn));
    // By unit code; the codes are generated, so compared as a set.
    expect([...rows].sort()).toEqual(
      [
        ['禾溪县人民政府', '县级', '3', '0', '1', '3', '100', '46', '女干部', AS_OF, '1'],
        ['禾溪县桃源乡人民政府', '乡镇', '1', '0', '0', '1', '100', '45', '女干部；年轻干部', AS_OF, '1'],
      ].sort(),
    );
    const en = await download(`/export/team-structures.csv?asOf=${AS_OF}&locale=en&missingOnly=false`, dept);
    const [enHead, ...enRows] = parseCsv((en.body as Buffer).toString('utf8').slice(1));
    expect(enHead).toEqual(Object.values(LABELS.en.teamColumn));
    expect(enRows).toHaveLength(3);
    const xlsx = await download(`/export/team-structures.xlsx?asOf=${AS_OF}`, dept);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    expect(book.worksheets[0].name).toBe(zh.file.teamStructures);
    expect(book.worksheets[0].rowCount).toBe(3);
    expect((await download(`/export/team-structures.csv?unitId=${county}`, otherDept)).status).toBe(403);
    expect((await download(`/export/team-structures.csv?asOf=2024-13-01`, dept)).status).toBe(400);
  });

  it('rejects unknown units and levels, and units outside the jurisdiction', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    const err = async (q: string, vars: Record<string, unknown>, token?: string) =>
      (await t.gql(q, { asOf: AS_OF, ...vars }, token)).errors?.[0].extensions;
    expect(await err(STRUCTURE, { unitId: none })).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    expect(await err(STRUCTURE, { unitId: county }, otherDept)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(STRUCTURES, { unitId: county }, otherDept)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(STRUCTURES, { after: 'bogus' }, dept)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(await err(YOUNG, { level: 'CLERK_1' }, dept)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'level',
    });
    expect(await err(YOUNG, { level: 'COUNTY_DEPUTY', unitId: county }, otherDept)).toMatchObject({
      code: 'FORBIDDEN',
    });
    const self = t.token({ role: Role.CADRE, cadreId: ids['县长甲'], sub: 'jia' });
    expect(await err(STRUCTURE, { unitId: county }, self)).toMatchObject({ code: 'FORBIDDEN' });
  });

  // Last: its units are outside the prefecture the tests above count.
  it('judges a team above county level by earlier grassroots postings, and by postings on the date only', async () => {
    const city = (await makeUnit(t.ds, { level: 'PREFECTURE', name: '石门市人民政府' })).id;
    const town = (await makeUnit(t.ds, { level: 'TOWNSHIP', name: '石门市青石镇人民政府', parentId: city }))
      .id;
    const man = (name: string) => makeCadre(t.ds, { name, gender: 'MALE', birthDate: '1970-01-01' });
    const at = (cadre: string, unitId: string, startDate: string, endDate: string | null = null) =>
      makePosting(t.ds, cadre, unitId, { title: '副市长', level: 'BUREAU_DEPUTY', startDate, endDate });
    // Grassroots: a township posting that ended before the current one began.
    const a = (await man('副市长甲')).id;
    await makePosting(t.ds, a, town, {
      level: 'TOWNSHIP_CHIEF',
      startDate: '2010-01-01',
      endDate: '2015-12-31',
    });
    await at(a, city, '2016-01-01');
    // Not grassroots: the township posting begins after the date.
    const b = (await man('副市长乙')).id;
    await at(b, city, '2018-01-01', '2024-06-30');
    await makePosting(t.ds, b, town, { level: 'TOWNSHIP_CHIEF', startDate: '2024-07-01' });
    const c = (await man('副市长丙')).id;
    await at(c, city, '2024-06-30');
    // Not members on the date: a posting that ended the day before, one that begins the day after, a clerk.
    await at((await man('前任')).id, city, '2010-01-01', '2024-06-29');
    await at((await man('继任')).id, city, '2024-07-01');
    await makePosting(t.ds, (await man('科员')).id, city, { level: 'CLERK_1', startDate: '2020-01-01' });

    const one = ok(await t.gql(STRUCTURE, { unitId: city, asOf: AS_OF })).teamStructure;
    expect(one).toMatchObject({ holders: 3, grassroots: 1, missed: ['WOMEN', 'YOUNG', 'GRASSROOTS_SHARE'] });
    expect(
      Object.fromEntries(
        one.members.map((m: { cadreId: string; grassroots: boolean }) => [m.cadreId, m.grassroots]),
      ),
    ).toEqual({ [a]: true, [b]: false, [c]: false });
    // The township has no member on the date (its one posting begins after it): no team to judge.
    const list = ok(
      await t.gql(STRUCTURES, { unitId: city, asOf: AS_OF, missingOnly: false }),
    ).teamStructures;
    expect(list.totalCount).toBe(1);
    expect(
      list.edges.map((e: { node: { unitId: string; holders: number; missed: string[] } }) => e.node),
    ).toEqual([
      expect.objectContaining({ unitId: city, holders: 3, missed: ['WOMEN', 'YOUNG', 'GRASSROOTS_SHARE'] }),
    ]);
  });
});
