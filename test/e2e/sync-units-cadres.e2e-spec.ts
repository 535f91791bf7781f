import { createTestApp, ok, TestApp } from '../app-factory';
import { tableFingerprint } from '../factories';
import { counts, nodes, outcomes, RunShape, SYNC_CADRES, SYNC_UNITS, unitRecord } from './sync-fixtures';

describe('syncUnits and syncCadres', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const unit = unitRecord;
  const units = async (records: unknown[], over: Record<string, unknown> = {}) =>
    ok(await t.gql<{ syncUnits: RunShape }>(SYNC_UNITS, { input: { source: 'hr-u', records, ...over } }))
      .syncUnits;

  it('creates a tree sent children first, rejects unknown parents and cycles, and replays as UNCHANGED', async () => {
    const records = [
      unit('V-1', 'T-1', { level: 'VILLAGE', kind: 'VILLAGE_COMMITTEE' }),
      unit('T-1', 'C-1'),
      unit('C-1', null, { level: 'COUNTY' }),
      unit('T-2', 'NOWHERE'),
      unit('V-2', 'T-2', { level: 'VILLAGE' }),
      unit('X-1', 'X-2'),
      unit('X-2', 'X-1'),
      unit('B-1', null, { level: 'HAMLET' }),
    ];
    const run = await units(records);
    expect(outcomes(run)).toEqual([
      ['V-1', 'CREATED'],
      ['T-1', 'CREATED'],
      ['C-1', 'CREATED'],
      ['T-2', 'REJECTED', 'parentCode:UNKNOWN_PARENT'],
      ['V-2', 'REJECTED', 'parentCode:UNKNOWN_PARENT'],
      ['X-1', 'REJECTED', 'parentCode:PARENT_CYCLE'],
      ['X-2', 'REJECTED', 'parentCode:PARENT_CYCLE'],
      ['B-1', 'REJECTED', 'level:INVALID'],
    ]);
    const [v1] = await t.ds.query(
      `SELECT c.code AS county FROM unit v JOIN unit c ON v.path <@ c.path AND c.parent_id IS NULL WHERE v.code = 'V-1'`,
    );
    expect(v1).toEqual({ county: 'C-1' });
    const before = await tableFingerprint(t.ds, 'unit');
    const again = await units([...records].reverse());
    expect(again.counts).toEqual(counts({ received: 8, unchanged: 3, rejected: 5 }));
    expect(await tableFingerprint(t.ds, 'unit')).toEqual(before);
  });

  it('renames and moves a unit, its subtree moving with it', async () => {
    await units([
      unit('M-C', null, { level: 'COUNTY' }),
      unit('M-T', 'M-C'),
      unit('M-V', 'M-T', { level: 'VILLAGE' }),
    ]);
    const run = await units([
      unit('M-C2', null, { level: 'COUNTY' }),
      unit('M-T', 'M-C2', { name: 'Renamed' }),
    ]);
    expect(run.counts).toEqual(counts({ received: 2, created: 1, updated: 1 }));
    const [v] = await t.ds.query(
      `SELECT count(*)::int AS n FROM unit v JOIN unit c ON v.path <@ c.path WHERE v.code = 'M-V' AND c.code = 'M-C2'`,
    );
    expect(v.n).toBe(1);
  });

  it('rejects a parent that lies below the unit in the existing tree; swaps a unit and its parent in one batch', async () => {
    await units([unit('S-C', null, { level: 'COUNTY' }), unit('S-T', 'S-C'), unit('S-V', 'S-T')]);
    const before = await tableFingerprint(t.ds, 'unit');
    const cycle = await units([unit('S-C', 'S-V', { level: 'COUNTY' }), unit('S-X', 'S-C')]);
    expect(outcomes(cycle)).toEqual([
      ['S-C', 'REJECTED', 'parentCode:PARENT_CYCLE'],
      ['S-X', 'CREATED'],
    ]);
    expect((await tableFingerprint(t.ds, 'unit')).n).toBe(before.n + 1);
    // S-V leaves S-T and takes its place under S-C; S-T goes under S-V: each moves its subtree along.
    const swap = await units([
      unit('S-T', 'S-V'),
      unit('S-V', 'S-C'),
      unit('S-C', null, { name: 'Renamed' }),
    ]);
    expect(swap.counts).toEqual(counts({ received: 3, updated: 3 }));
    const chain: { code: string; depth: number }[] = await t.ds.query(
      `SELECT code, nlevel(path) AS depth FROM unit WHERE code LIKE 'S-%' ORDER BY 2, 1`,
    );
    expect(chain).toEqual([
      { code: 'S-C', depth: 1 },
      { code: 'S-V', depth: 2 },
      { code: 'S-X', depth: 2 },
      { code: 'S-T', depth: 3 },
    ]);
    // A unit and one below it both move, to parents outside the batch: two statements, deepest first.
    const both = await units([unit('S-V', 'S-X'), unit('S-T', 'S-C')]);
    expect(both.counts).toEqual(counts({ received: 2, updated: 2 }));
    const paths: { code: string; parent: string }[] = await t.ds.query(
      `SELECT u.code, p.code AS parent FROM unit u JOIN unit p ON p.id = u.parent_id AND u.path <@ p.path
        WHERE u.code IN ('S-V', 'S-T') ORDER BY 1`,
    );
    expect(paths).toEqual([
      { code: 'S-T', parent: 'S-C' },
      { code: 'S-V', parent: 'S-X' },
    ]);
  });

  it('rejects NUL and unpaired surrogates in any field of one record, naming the field; the rest goes in', async () => {
    const run = await units([
      unit('N-1', null, { name: 'a\u0000b' }),
      unit('N-2', null, { name: '\ud800' }),
      unit('N-3', null, { kind: 'GOVERNMENT\u0000' }),
      unit('N-4', null, { parentCode: 'x\udfff' }),
      unit('N\u0000', null),
      unit('N-5', null, { name: '\u202e\u0645\u0635\u0631 e\u0301 𠜎' }),
    ]);
    expect(outcomes(run)).toEqual([
      ['N-1', 'REJECTED', 'name:INVALID'],
      ['N-2', 'REJECTED', 'name:INVALID'],
      ['N-3', 'REJECTED', 'kind:INVALID'],
      ['N-4', 'REJECTED', 'parentCode:INVALID'],
      [null, 'REJECTED', 'code:INVALID', 'name:INVALID'],
      ['N-5', 'CREATED'],
    ]);
    // In Chinese by default (the reader's locale; docs/reasons.md).
    expect(nodes(run)[0].errors[0].message).toBe('name 含有 U+0000（空字符），无法保存。');
    expect(nodes(run)[1].errors[0].message).toBe(
      'name 含有不成对的 UTF-16 代理字符（不是有效的 Unicode），无法保存。',
    );
    const [n5] = await t.ds.query(`SELECT name FROM unit WHERE code = 'N-5'`);
    expect(n5.name).toBe('\u202e\u0645\u0635\u0631 e\u0301 𠜎');
    const res = await t.gql(SYNC_UNITS, { input: { source: 'hr\u0000u', records: [unit('N-6', null)] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
  });

  it('refuses SNAPSHOT for units', async () => {
    const res = await t.gql(SYNC_UNITS, { input: { source: 'hr-u', mode: 'SNAPSHOT', records: [] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
  });

  const cadre = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    name: '李四',
    gender: 'MALE',
    birthDate: '1985-03-04',
    workStartDate: '2008-07-01',
    educationLevel: 'BACHELOR',
    ...over,
  });
  const cadres = async (records: unknown[]) =>
    ok(await t.gql<{ syncCadres: RunShape }>(SYNC_CADRES, { input: { source: 'hr-u', records } })).syncCadres;

  it('creates, updates and leaves cadres unchanged, rejecting bad records', async () => {
    const first = await cadres([
      cadre('P-1'),
      cadre('P-2', { workStartDate: '1980-01-01' }),
      cadre('P-3', { gender: 'OTHER' }),
      cadre('P-4', { birthDate: '1985-02-30' }),
      cadre('P-5', { partyJoinDate: '2010-05-01', professionalTitle: '经济师' }),
    ]);
    expect(outcomes(first)).toEqual([
      ['P-1', 'CREATED'],
      ['P-2', 'REJECTED', 'workStartDate:INVALID'],
      ['P-3', 'REJECTED', 'gender:INVALID'],
      ['P-4', 'REJECTED', 'birthDate:INVALID'],
      ['P-5', 'CREATED'],
    ]);
    const before = await tableFingerprint(t.ds, 'cadre');
    const same = await cadres([
      cadre('P-5', { partyJoinDate: '2010-05-01', professionalTitle: '经济师' }),
      cadre('P-1'),
    ]);
    expect(same.counts).toEqual(counts({ received: 2, unchanged: 2 }));
    expect(await tableFingerprint(t.ds, 'cadre')).toEqual(before);
    const changed = await cadres([cadre('P-1', { status: 'RETIRED' })]);
    expect(changed.counts).toEqual(counts({ received: 1, updated: 1 }));
    const [row] = await t.ds.query(`SELECT status FROM cadre WHERE external_id = 'P-1'`);
    expect(row.status).toBe('RETIRED');
  });
});
