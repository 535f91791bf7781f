import request from 'supertest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';

interface Extensions {
  code: string;
  field?: string;
  reason?: string;
  violation?: string;
}

/**
 * Service errors in the caller's locale (#17): database constraint violations and the services' own sentences
 * are Chinese by default and English with Accept-Language: en; extensions.code, field and reason stay the same.
 */
describe('error messages in the caller’s locale', () => {
  let t: TestApp;
  let cadreId: string;
  let unitId: string;

  async function ask(
    query: string,
    variables: Record<string, unknown>,
    lang?: string,
  ): Promise<GqlResult<Record<string, unknown>>> {
    const req = request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${t.adminToken}`);
    if (lang) req.set('accept-language', lang);
    return (await req.send({ query, variables })).body as GqlResult<Record<string, unknown>>;
  }

  /** The first error in Chinese (default) and in English, with the same extensions but for the request id. */
  async function both(query: string, variables: Record<string, unknown>) {
    const zh = (await ask(query, variables)).errors?.[0];
    const en = (await ask(query, variables, 'en-US,en;q=0.9')).errors?.[0];
    const { requestId: _a, ...zhExt } = (zh?.extensions ?? {}) as Extensions & { requestId?: string };
    const { requestId: _b, ...enExt } = (en?.extensions ?? {}) as Extensions & { requestId?: string };
    expect(zhExt).toEqual(enExt);
    return { zh: zh?.message, en: en?.message, extensions: zhExt };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    [{ id: cadreId }] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = 'DEMO-002'`);
    [{ id: unitId }] = await t.ds.query(`SELECT id FROM unit WHERE code = 'YL'`);
  }, 600_000);
  afterAll(() => t.close());

  const CREATE_CADRE = `mutation($i: CreateCadreInput!) { createCadre(input: $i) { id } }`;
  const RECORD_POSTING = `mutation($i: RecordPostingInput!) { recordPosting(input: $i) { id } }`;

  it('a duplicate external id (unique constraint): CONFLICT on externalId, Chinese by default', async () => {
    const i = {
      externalId: 'DEMO-002',
      name: '重名测试',
      gender: 'MALE',
      birthDate: '1985-01-01',
      workStartDate: '2008-07-01',
      educationLevel: 'BACHELOR',
    };
    const { zh, en, extensions } = await both(CREATE_CADRE, { i });
    expect(extensions).toEqual({
      code: 'CONFLICT',
      field: 'externalId',
      reason: 'CADRE_EXTERNAL_ID_KEY',
      violation: 'DUPLICATE',
    });
    expect(zh).toBe('已有其他干部使用此人员编号。');
    expect(en).toBe('Another cadre already has this external id.');
  });

  it('overlapping concurrent postings (exclusion constraint): CONFLICT on startDate with its reason', async () => {
    const i = {
      cadreId,
      unitId,
      title: '兼职测试',
      level: 'TOWNSHIP_CHIEF',
      kind: 'CONCURRENT',
      startDate: '2024-01-01',
    };
    ok(await ask(RECORD_POSTING, { i }));
    const { zh, en, extensions } = await both(RECORD_POSTING, { i: { ...i, startDate: '2024-06-01' } });
    expect(extensions).toEqual({
      code: 'CONFLICT',
      field: 'startDate',
      reason: 'POSTING_CONCURRENT_OVERLAP_EXCL',
      violation: 'OVERLAP',
    });
    expect(zh).toBe('该干部在此期间已兼任同一职务（单位和层次相同）。');
    expect(en).toBe('The cadre already holds this concurrent post (unit and level) in this period.');
  });

  it('an overlapping regular posting (the service’s own check): the sentence with its values in each locale', async () => {
    const i = { cadreId, unitId, title: '重叠测试', level: 'TOWNSHIP_CHIEF', startDate: '2020-01-01' };
    const { zh, en, extensions } = await both(RECORD_POSTING, { i });
    expect(extensions).toEqual({ code: 'CONFLICT', field: 'startDate' });
    expect(zh).toMatch(/^与正职任职“.+”（\d{4}-\d{2}-\d{2} 至 .+）重叠；同一干部的任职不能重叠。$/);
    expect(en).toMatch(
      /^This overlaps the regular posting ".+" \(\d{4}-\d{2}-\d{2} to .+\); regular postings/,
    );
  });

  it('a check constraint and a service sentence naming a level: Chinese names for codes', async () => {
    const bad = { cadreId, unitId, title: '倒序测试', level: 'TOWNSHIP_CHIEF', startDate: '2030-01-01' };
    const dates = await both(RECORD_POSTING, { i: { ...bad, endDate: '2029-01-01' } });
    expect(dates.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'endDate' });
    expect(dates.zh).toBe('结束日期 2029-01-01 早于开始日期 2030-01-01。');
    expect(dates.en).toBe('The end date 2029-01-01 is before the start date 2030-01-01.');

    const CREATE_POOL = `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`;
    const pool = await both(CREATE_POOL, { i: { name: '测试库', targetLevel: 'CLERK_2', unitId } });
    expect(pool.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.targetLevel' });
    expect(pool.zh).toBe('没有晋升到 二级科员 的路径。');
    expect(pool.en).toBe('Nobody is promoted to CLERK_2.');
  });

  it('a sync rejection: the record error’s message in the caller’s locale, its code unchanged', async () => {
    const SYNC = `mutation($i: SyncCadresInput!) { syncCadres(input: $i) { id results(first: 10) { edges { node {
      outcome errors { field code message } } } } } }`;
    const record = {
      externalId: 'HR-DUP',
      name: '重复',
      gender: 'FEMALE',
      birthDate: '1990-03-01',
      workStartDate: '2012-07-01',
      educationLevel: 'BACHELOR',
    };
    const i = { source: 'hr-locale', dryRun: true, records: [record, record] };
    type Run = { syncCadres: { results: { edges: { node: { errors: Record<string, string>[] } }[] } } };
    const zh = ok(await ask(SYNC, { i })) as unknown as Run;
    const en = ok(await ask(SYNC, { i }, 'en')) as unknown as Run;
    expect(zh.syncCadres.results.edges[0].node.errors).toEqual([
      {
        field: 'externalId',
        code: 'DUPLICATE_IN_BATCH',
        message: '编号 HR-DUP 在本批次中出现 2 次（第 0、1 条），请只发送一次。',
      },
    ]);
    expect(en.syncCadres.results.edges[0].node.errors[0]).toMatchObject({
      code: 'DUPLICATE_IN_BATCH',
      message: 'The key HR-DUP appears 2 times in this batch (records 0, 1); send it once.',
    });
  });
});
