import ExcelJS from 'exceljs';
import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { LABELS, Locale } from '../../src/i18n/labels';
import { createTestApp, ok, TestApp } from '../app-factory';
import { rankingFixture, RankingFixture, townshipChief } from './candidates-fixture';
import { parseCsv } from './csv-helpers';

const AS_OF = '2026-11-27';
const BOM = '\uFEFF';

/** Column headings (and score factors) back to their keys, so rows read as objects in either language. */
function keysOf(locale: Locale): Map<string, string> {
  const l = LABELS[locale];
  return new Map([...Object.entries(l.column), ...Object.entries(l.factor)].map(([k, v]) => [v, k]));
}

describe('CSV and XLSX export', () => {
  let t: TestApp;
  let f: RankingFixture;
  let deptA: string;

  const getBytes = (path: string, token: string | null = t.adminToken) => {
    const req = request(t.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const get = async (
    path: string,
    token: string | null = t.adminToken,
    headers: Record<string, string> = {},
  ) => {
    let req = getBytes(path, token);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req;
    return Object.assign(res, { body: (res.body as Buffer).toString('utf8') });
  };
  const objects = (head: string[], rows: string[][], locale: Locale) => {
    const keys = keysOf(locale);
    for (const h of head) expect(keys.has(h)).toBe(true);
    return rows.map((r) => Object.fromEntries(head.map((h, i) => [keys.get(h), r[i] ?? ''])));
  };
  const table = (body: string, locale: Locale = 'zh-CN') => {
    expect(body.startsWith(BOM)).toBe(true);
    const [head, ...rows] = parseCsv(body.slice(1));
    return objects(head, rows, locale);
  };
  const workbook = async (bytes: Buffer, locale: Locale = 'zh-CN') => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      cells.push(values.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')));
    });
    const [head, ...rows] = cells;
    return { name: sheet.name, frozen: sheet.views[0]?.state, rows: objects(head, rows, locale) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    await t.ds.query(`UPDATE cadre SET name = '木雪娇, "雪原"' WHERE id = $1`, [f.ids.ann]);
    deptA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA, sub: 'od-county-a' });
  });
  afterAll(() => t.close());

  it('promotion candidates: UTF-8 with a BOM, the ranked list with scores and reasons', async () => {
    const res = await get(
      `/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&unitId=${f.city}&asOf=${AS_OF}&includeNearlyEligible=true`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="promotion-candidates-COUNTY_DEPUTY-${AS_OF}.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent(`晋升候选人-县处级副职-${AS_OF}.csv`)}`,
    );
    const rows = table(res.body as string);
    // Scores out of 100; readiness in words
    expect(rows.map((r) => [r.rank, r.name, r.score, r.readiness])).toEqual([
      ['1', '木雪娇, "雪原"', '83', '现在可用'],
      ['2', 'Cai', '48.3', '现在可用'],
      ...['3', '4', '5'].map((n, i) => [n, rows[2 + i].name, '45', '现在可用']),
      ['6', 'Fay', '21.2', '即将成熟'],
    ]);
    expect(
      rows
        .slice(2, 5)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Bo', 'Dan', 'Eve']);
    expect(rows[0]).toMatchObject({
      unit: 'A2镇',
      currentLevel: '乡科级正职',
      targetLevel: '县处级副职',
      eligibleFrom: '2019-12-01',
      asOf: AS_OF,
      policyVersion: '1',
    });
    // The breakdown: each factor's contribution out of 100, adding up to the score
    const factors = Object.keys(LABELS['zh-CN'].factor).filter((k) => k in rows[0]);
    expect(factors.length).toBeGreaterThan(2);
    const sum = factors.reduce((a, k) => a + Number(rows[0][k]), 0);
    expect(Math.abs(sum - 83)).toBeLessThan(0.5);
    expect(rows[5]).toMatchObject({ eligibleFrom: '2027-06-01', blockers: '任现职层次年限；任职前培训' });
  });

  it('in English when the reader asks (locale, or Accept-Language), Chinese by default', async () => {
    const path = `/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&unitId=${f.city}&asOf=${AS_OF}`;
    const byParam = await get(`${path}&locale=en`);
    const byHeader = await get(path, t.adminToken, { 'accept-language': 'en-GB,en;q=0.9' });
    const chinese = await get(path, t.adminToken, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(byParam.body).toBe(byHeader.body);
    expect(byParam.body.split('\r\n')[0]).toBe(
      `${BOM}Rank,Staff number,Name,Unit,Current level,Target level,Readiness,Eligible from,Score (of 100),` +
        byParam.body.split('\r\n')[0].split('Score (of 100),')[1],
    );
    const en = table(byParam.body, 'en');
    expect(en[0]).toMatchObject({ currentLevel: 'Township chief', readiness: 'Ready now', score: '83' });
    expect(table(chinese.body)[0]).toMatchObject({ currentLevel: '乡科级正职' });
    expect((await get(`${path}&locale=fr`)).status).toBe(400);
  });

  it('XLSX: the same rows as the CSV, in a sheet with the headings frozen', async () => {
    const query = `targetLevel=COUNTY_DEPUTY&unitId=${f.city}&asOf=${AS_OF}&includeNearlyEligible=true`;
    const csv = table((await get(`/export/promotion-candidates.csv?${query}`)).body);
    const res = await getBytes(`/export/promotion-candidates.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename="promotion-candidates-COUNTY_DEPUTY-${AS_OF}.xlsx"`,
    );
    const xlsx = await workbook(res.body as Buffer);
    expect(xlsx.name).toBe('晋升候选人');
    expect(xlsx.frozen).toBe('frozen');
    expect(xlsx.rows).toEqual(csv);
    expect((await getBytes(`/export/promotion-candidates.xlsx?${query}`, null)).status).toBe(401);
  });

  it('keeps to the jurisdiction: a department gets its own cadres, and FORBIDDEN for a unit elsewhere', async () => {
    const mine = await get(`/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&asOf=${AS_OF}`, deptA);
    expect(
      table(mine.body as string)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Bo', 'Cai', 'Dan', '木雪娇, "雪原"']);
    const other = await get(
      `/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&asOf=${AS_OF}&unitId=${f.countyB}`,
      deptA,
    );
    expect(other.status).toBe(403);
    expect(JSON.parse(other.body as string)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers 401 without a valid token, 403 for other roles, 400 for bad input', async () => {
    const path = `/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&asOf=${AS_OF}`;
    expect((await get(path, null)).status).toBe(401);
    expect((await get(path, 'not-a-token')).status).toBe(401);
    expect((await get(path, t.token({ role: Role.CADRE, cadreId: f.ids.ann }))).status).toBe(403);
    expect((await get(path, t.token({ role: Role.HR_SYNC, source: 'hr-main' }))).status).toBe(403);
    const bad = await get(`/export/promotion-candidates.csv?targetLevel=TOWNSHIP_DEPUTY&asOf=${AS_OF}`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body as string)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.targetLevel',
    });
    const flag = await get(
      `/export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&includeNearlyEligible=maybe`,
    );
    expect(flag.status).toBe(400);
    expect((await get(`/export/promotion-candidates.csv?asOf=${AS_OF}`)).status).toBe(400);
  });

  it('a talent pool: each member with the snapshot, the live status and the latest decision', async () => {
    const pool = ok(
      await t.gql<{ createTalentPool: { id: string } }>(
        `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
        { i: { name: 'A县后备干部', targetLevel: 'COUNTY_DEPUTY', unitId: f.countyA } },
        deptA,
      ),
    ).createTalentPool.id;
    for (const cadreId of [f.ids.ann, f.ids.fay]) {
      ok(
        await t.gql(
          `mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId } }`,
          { i: { poolId: pool, cadreId, asOf: AS_OF, note: cadreId === f.ids.ann ? '实绩突出' : null } },
          deptA,
        ),
      );
    }
    ok(
      await t.gql(
        `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`,
        {
          i: {
            poolId: pool,
            cadreId: f.ids.fay,
            decision: 'SENT_TO_TRAINING',
            effectiveDate: '2026-12-01',
            note: '党校',
          },
        },
        deptA,
      ),
    );
    const res = await get(`/export/talent-pools/${pool}.csv?asOf=${AS_OF}`, deptA);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="talent-pool-${pool}-${AS_OF}.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent(`人才库-A县后备干部-${AS_OF}.csv`)}`,
    );
    const rows = table(res.body as string);
    expect(
      rows.map((r) => [r.name, r.note, r.snapshotScore, r.snapshotReadiness, r.liveScore, r.decision]),
    ).toEqual([
      ['木雪娇, "雪原"', '实绩突出', '83', '现在可用', '83', ''],
      ['Fay', '', '21.2', '即将成熟', '21.2', '送培训'],
    ]);
    expect(rows.map((r) => [r.cadreId, r.hidden])).toEqual([
      [f.ids.ann, '否'],
      [f.ids.fay, '否'],
    ]);
    expect(rows[0].addedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const xlsx = await workbook(
      (await getBytes(`/export/talent-pools/${pool}.xlsx?asOf=${AS_OF}`, deptA)).body,
    );
    expect(xlsx.name).toBe('A县后备干部');
    expect(xlsx.rows).toEqual(rows);
    expect(rows[1]).toMatchObject({
      pool: 'A县后备干部',
      snapshotEligibleFrom: '2027-06-01',
      liveUnit: 'A2镇',
      decisionEffectiveDate: '2026-12-01',
      decisionNote: '党校',
      addedBy: 'od-county-a',
    });
    const other = t.token({ role: Role.ORG_DEPT, unitId: f.countyB });
    expect((await get(`/export/talent-pools/${pool}.csv`, other)).status).toBe(403);
    expect((await get(`/export/talent-pools/00000000-0000-4000-8000-000000000000.csv`)).status).toBe(404);
    expect((await get(`/export/talent-pools/nope.csv`)).status).toBe(400);
  });

  it('the pool leak: a county-B cadre the prefecture put in county A’s pool shows to county A as an id only', async () => {
    const yan = await townshipChief(t.ds, {
      name: '远山',
      deputyUnit: f.b1,
      chiefUnit: f.b1,
      deputyFrom: '2012-12-01',
      chiefFrom: '2016-12-01',
    });
    const [{ external_id: yanExternalId }] = await t.ds.query<{ external_id: string }[]>(
      `SELECT external_id FROM cadre WHERE id = $1`,
      [yan],
    );
    const city = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
    const pool = ok(
      await t.gql<{ createTalentPool: { id: string } }>(
        `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
        { i: { name: 'A县2027后备', targetLevel: 'COUNTY_DEPUTY', unitId: f.countyA } },
        deptA,
      ),
    ).createTalentPool.id;
    const add = `mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId } }`;
    ok(await t.gql(add, { i: { poolId: pool, cadreId: f.ids.cai, asOf: AS_OF } }, deptA));
    ok(await t.gql(add, { i: { poolId: pool, cadreId: yan, asOf: AS_OF, note: '市里推荐' } }, city));
    const secrets = ['远山', yanExternalId, '市里推荐', 'od-city'];

    const gql = await t.gql<{ talentPool: { memberCount: number; members: unknown[] } }>(
      `query($id: ID!) { talentPool(id: $id) { memberCount members(asOf: "${AS_OF}") {
         cadreId hidden note addedBy cadre { name externalId } live { score readiness reasons cadre { name } }
         snapshot { score reasons } } } }`,
      { id: pool },
      deptA,
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data?.talentPool.memberCount).toBe(2);
    expect(gql.data?.talentPool.members[1]).toEqual({
      cadreId: yan,
      hidden: true,
      note: null,
      addedBy: null,
      cadre: null,
      live: null,
      snapshot: null,
    });
    for (const secret of secrets) expect(JSON.stringify(gql)).not.toContain(secret);

    const res = await get(`/export/talent-pools/${pool}.csv?asOf=${AS_OF}`, deptA);
    expect(res.status).toBe(200);
    for (const secret of secrets) expect(res.body as string).not.toContain(secret);
    const rows = table(res.body as string);
    expect(rows.map((r) => [r.cadreId, r.hidden, r.name])).toEqual([
      [f.ids.cai, '否', 'Cai'],
      [yan, '是', ''],
    ]);
    const { pool: poolName, targetLevel, cadreId, hidden, ...rest } = rows[1];
    expect({ poolName, targetLevel, cadreId, hidden }).toEqual({
      poolName: 'A县2027后备',
      targetLevel: '县处级副职',
      cadreId: yan,
      hidden: '是',
    });
    expect(Object.values(rest).every((v) => v === '')).toBe(true);
    expect(Object.keys(rest)).toContain('liveScore');

    // The department above sees her in full, in the same file.
    const above = table((await get(`/export/talent-pools/${pool}.csv?asOf=${AS_OF}`, city)).body as string);
    expect(above[1]).toMatchObject({
      hidden: '否',
      name: '远山',
      externalId: yanExternalId,
      note: '市里推荐',
    });
    expect(above[1].liveScore).not.toBe('');
  });
});
