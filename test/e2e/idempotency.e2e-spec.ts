import { Client } from 'pg';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import { untilLockWaiters } from './support/activity';

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code name } }`;
const RECORD_POSTING = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { id title startDate } }`;
const RECORD_ACHIEVEMENT = `mutation($input: RecordAchievementInput!) {
  recordAchievement(input: $input) { id title verificationStatus impacts { indicator baseline result } } }`;
const CREATE_POOL = `mutation($input: CreateTalentPoolInput!) { createTalentPool(input: $input) { id name } }`;

describe('idempotencyKey on create mutations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(sql, params))[0].n;
  const unitsCoded = (code: string) => count('SELECT count(*)::int AS n FROM unit WHERE code = $1', [code]);
  const auditOf = (entity: string, id: string) =>
    count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND entity_id = $2`, [entity, id]);

  it('a retry with the same key and input returns the first result and writes once', async () => {
    const input = {
      code: 'IDEM-1',
      name: '一乡',
      level: 'TOWNSHIP',
      kind: 'GOVERNMENT',
      idempotencyKey: 'k:unit-1',
    };
    const first = ok(await t.gql(CREATE_UNIT, { input })).createUnit;
    const again = ok(await t.gql(CREATE_UNIT, { input })).createUnit;
    expect(again).toEqual(first);
    expect(await unitsCoded('IDEM-1')).toBe(1);
    expect(await auditOf('unit', first.id)).toBe(1);
  });

  it('without a key, a retry is a new request (here: CONFLICT on the unit code)', async () => {
    const input = { code: 'IDEM-2', name: '二乡', level: 'TOWNSHIP', kind: 'GOVERNMENT' };
    ok(await t.gql(CREATE_UNIT, { input }));
    const again = await t.gql(CREATE_UNIT, { input });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('the same key with another input is CONFLICT on idempotencyKey, and nothing is written', async () => {
    const base = { name: '三乡', level: 'TOWNSHIP', kind: 'GOVERNMENT', idempotencyKey: 'k.unit-3' };
    ok(await t.gql(CREATE_UNIT, { input: { ...base, code: 'IDEM-3' } }));
    const before = await tableFingerprint(t.ds, 'unit');
    const other = await t.gql(CREATE_UNIT, { input: { ...base, code: 'IDEM-3B' } });
    expect(other.data ?? null).toBeNull();
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await tableFingerprint(t.ds, 'unit')).toEqual(before);
  });

  it('the same key on another mutation is CONFLICT too', async () => {
    ok(
      await t.gql(CREATE_UNIT, {
        input: {
          code: 'IDEM-4',
          name: '四乡',
          level: 'TOWNSHIP',
          kind: 'GOVERNMENT',
          idempotencyKey: 'shared',
        },
      }),
    );
    const unit = await makeUnit(t.ds);
    const pool = await t.gql(CREATE_POOL, {
      input: { name: '后备', targetLevel: 'COUNTY_DEPUTY', unitId: unit.id, idempotencyKey: 'shared' },
    });
    expect(pool.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('keys are per caller: another token subject may use the same key for its own write', async () => {
    const input = {
      code: 'IDEM-5',
      name: '五乡',
      level: 'TOWNSHIP',
      kind: 'GOVERNMENT',
      idempotencyKey: 'mine',
    };
    const other = t.token({ role: Role.ADMIN, sub: 'another-admin' });
    ok(await t.gql(CREATE_UNIT, { input }));
    const theirs = await t.gql(CREATE_UNIT, { input: { ...input, code: 'IDEM-5B' } }, other);
    expect(ok(theirs).createUnit.code).toBe('IDEM-5B');
    // and their retry finds their own result, not the first caller's
    const retried = ok(await t.gql(CREATE_UNIT, { input: { ...input, code: 'IDEM-5B' } }, other));
    expect(retried.createUnit.id).toBe(ok(theirs).createUnit.id);
  });

  it('two identical requests at once: one writes, the other waits for it and returns the same result', async () => {
    const input = {
      code: 'IDEM-6',
      name: '六乡',
      level: 'TOWNSHIP',
      kind: 'GOVERNMENT',
      idempotencyKey: 'race-6',
    };
    const side = new Client({ connectionString: (t.ds.options as { url?: string }).url });
    await side.connect();
    try {
      // The first claims the key and waits at its insert; the second waits on the first's claim.
      await side.query('BEGIN');
      await side.query('LOCK TABLE unit IN EXCLUSIVE MODE');
      const both = [t.gql(CREATE_UNIT, { input }), t.gql(CREATE_UNIT, { input })];
      await untilLockWaiters(side, 2, 'the two requests never both waited');
      await side.query('COMMIT');
      const [a, b] = await Promise.all(both);
      expect(ok(a).createUnit.id).toBe(ok(b).createUnit.id);
      expect(await unitsCoded('IDEM-6')).toBe(1);
    } finally {
      await side.end();
    }
  });

  it('a failed write keeps no key: the corrected retry with the same key goes through', async () => {
    const cadre = await makeCadre(t.ds);
    const unit = await makeUnit(t.ds);
    const input = {
      cadreId: cadre.id,
      unitId: unit.id,
      title: '副镇长',
      level: 'NO_SUCH_LEVEL',
      startDate: '2020-01-01',
      idempotencyKey: 'posting-7',
    };
    const bad = await t.gql(RECORD_POSTING, { input });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const good = { ...input, level: 'TOWNSHIP_DEPUTY' };
    const first = ok(await t.gql(RECORD_POSTING, { input: good })).recordPosting;
    expect(ok(await t.gql(RECORD_POSTING, { input: good })).recordPosting).toEqual(first);
    expect(await count('SELECT count(*)::int AS n FROM posting WHERE cadre_id = $1', [cadre.id])).toBe(1);
  });

  it('a retried achievement comes back whole, impacts included', async () => {
    const cadre = await makeCadre(t.ds);
    const input = {
      cadreId: cadre.id,
      title: '道路车道重新设计',
      achievedOn: '2025-10-15',
      domain: 'TRANSPORT',
      recognitionLevel: 'UNIT',
      impacts: [{ indicator: '拥堵时长', baseline: 40, result: 25, unit: 'min' }],
      idempotencyKey: 'ach-8',
    };
    const first = ok(await t.gql(RECORD_ACHIEVEMENT, { input })).recordAchievement;
    expect(ok(await t.gql(RECORD_ACHIEVEMENT, { input })).recordAchievement).toEqual(first);
    expect(await count('SELECT count(*)::int AS n FROM achievement WHERE cadre_id = $1', [cadre.id])).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(101)],
    ['a space', 'two words'],
    ['a slash', 'a/b'],
  ])('refuses a key with %s: BAD_USER_INPUT on idempotencyKey', async (_what, key) => {
    const res = await t.gql(CREATE_UNIT, {
      input: { code: 'IDEM-9', name: '九乡', level: 'TOWNSHIP', kind: 'GOVERNMENT', idempotencyKey: key },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await unitsCoded('IDEM-9')).toBe(0);
  });

  it('a key is kept 7 days: an expired key may be used again for another input', async () => {
    const input = {
      code: 'IDEM-10',
      name: '十乡',
      level: 'TOWNSHIP',
      kind: 'GOVERNMENT',
      idempotencyKey: 'old',
    };
    ok(await t.gql(CREATE_UNIT, { input }));
    await t.ds.query(
      `UPDATE idempotency_key SET created_at = now() - interval '7 days 1 minute' WHERE key = 'old'`,
    );
    const reused = ok(await t.gql(CREATE_UNIT, { input: { ...input, code: 'IDEM-10B' } })).createUnit;
    expect(reused.code).toBe('IDEM-10B');
  });
});
