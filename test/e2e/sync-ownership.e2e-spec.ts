import { AddRecordSource1764233500000 } from '../../migrations/1764233500000-add-record-source';
import { CreateRankQuota1764236310000 } from '../../migrations/1764236310000-create-rank-quota';
import { CreatePostsAndSlates1764237600000 } from '../../migrations/1764237600000-create-posts-and-slates';
import { AuditRankQuota1764237200000 } from '../../migrations/1764237200000-audit-rank-quota';
import { CreateSanctionAndRankGrant1764235500000 } from '../../migrations/1764235500000-create-sanction-and-rank-grant';
import { QueryRunner } from 'typeorm';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makeUnit, tableFingerprint } from '../factories';
import {
  counts,
  nodes,
  outcomes,
  RunShape,
  SYNC_CADRES,
  SYNC_UNITS,
  syncPostings,
  unitRecord,
} from './sync-fixtures';

const unit = unitRecord;
const cadre = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  name: `Cadre ${externalId}`,
  gender: 'MALE',
  birthDate: '1980-01-01',
  workStartDate: '2002-07-01',
  educationLevel: 'BACHELOR',
  ...over,
});

describe('HR sources keep their own units, cadres and postings', () => {
  let t: TestApp;
  let hrA: string;
  let hrB: string;
  beforeAll(async () => {
    t = await createTestApp();
    hrA = t.token({ role: Role.HR_SYNC, source: 'hr-a', sub: 'hr-a' });
    hrB = t.token({ role: Role.HR_SYNC, source: 'hr-b', sub: 'hr-b' });
  });
  afterAll(() => t.close());

  const syncUnits = async (token: string, source: string, records: unknown[]) =>
    ok(await t.gql<{ syncUnits: RunShape }>(SYNC_UNITS, { input: { source, records } }, token)).syncUnits;
  const syncCadres = async (token: string, source: string, records: unknown[]) =>
    ok(await t.gql<{ syncCadres: RunShape }>(SYNC_CADRES, { input: { source, records } }, token)).syncCadres;
  const owners = async (table: 'unit' | 'cadre', key: 'code' | 'external_id', keys: string[]) =>
    Object.fromEntries(
      (
        await t.ds.query<{ k: string; source: string | null }[]>(
          `SELECT ${key} AS k, source FROM ${table} WHERE ${key} = ANY($1) ORDER BY 1`,
          [keys],
        )
      ).map((r) => [r.k, r.source]),
    );

  it("rejects, record by record, a batch's changes to another source's units and cadres; the rest goes in", async () => {
    await syncUnits(hrA, 'hr-a', [unit('A-C', null, { level: 'COUNTY' }), unit('A-T', 'A-C')]);
    await syncCadres(hrA, 'hr-a', [cadre('A-P1'), cadre('A-P2')]);
    expect(await owners('unit', 'code', ['A-C', 'A-T'])).toEqual({ 'A-C': 'hr-a', 'A-T': 'hr-a' });
    const unitsBefore = await tableFingerprint(t.ds, 'unit');

    const unitBatch = [
      unit('B-C', null, { level: 'COUNTY' }),
      unit('A-T', 'B-C'), // re-parent A's township under B's county
      unit('A-C', null, { level: 'COUNTY', name: 'Renamed by B' }),
      unit('B-T', 'A-C'), // B's own unit under A's county
    ];
    const run = await syncUnits(hrB, 'hr-b', unitBatch);
    expect(outcomes(run)).toEqual([
      ['B-C', 'CREATED'],
      ['A-T', 'REJECTED', 'code:OWNED_BY_OTHER_SOURCE'],
      ['A-C', 'REJECTED', 'code:OWNED_BY_OTHER_SOURCE'],
      ['B-T', 'CREATED'],
    ]);
    expect(run.status).toBe('COMPLETED');
    expect(nodes(run)[1].errors[0].message).toBe(
      '单位 A-T 由其他数据源或本系统用户维护；数据源 hr-b 只能修改其自己创建的记录。',
    );
    const [moved] = await t.ds.query(
      `SELECT p.code FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.code = 'A-T'`,
    );
    expect(moved).toEqual({ code: 'A-C' });
    expect(await owners('unit', 'code', ['A-C', 'A-T', 'B-C', 'B-T'])).toEqual({
      'A-C': 'hr-a',
      'A-T': 'hr-a',
      'B-C': 'hr-b',
      'B-T': 'hr-b',
    });
    expect(unitsBefore.n + 2).toBe((await tableFingerprint(t.ds, 'unit')).n);

    const cadresBefore = await tableFingerprint(t.ds, 'cadre');
    const cadreBatch = [cadre('A-P1', { name: 'Rewritten by B' }), cadre('A-P2'), cadre('B-P1')];
    const cadreRun = await syncCadres(hrB, 'hr-b', cadreBatch);
    // Sending what is already there changes nothing, so it is not refused.
    expect(outcomes(cadreRun)).toEqual([
      ['A-P1', 'REJECTED', 'externalId:OWNED_BY_OTHER_SOURCE'],
      ['A-P2', 'UNCHANGED'],
      ['B-P1', 'CREATED'],
    ]);
    const [p1] = await t.ds.query(`SELECT name, source FROM cadre WHERE external_id = 'A-P1'`);
    expect(p1).toEqual({ name: 'Cadre A-P1', source: 'hr-a' });
    expect((await tableFingerprint(t.ds, 'cadre')).n).toBe(cadresBefore.n + 1);

    // The same batches again change nothing at all.
    const tables = async () => [await tableFingerprint(t.ds, 'unit'), await tableFingerprint(t.ds, 'cadre')];
    const settled = await tables();
    expect((await syncUnits(hrB, 'hr-b', unitBatch)).counts).toEqual(
      counts({ received: 4, unchanged: 2, rejected: 2 }),
    );
    expect((await syncCadres(hrB, 'hr-b', cadreBatch)).counts).toEqual(
      counts({ received: 3, unchanged: 2, rejected: 1 }),
    );
    expect(await tables()).toEqual(settled);

    // Its own source still changes them.
    const own = await syncUnits(hrA, 'hr-a', [unit('A-T', 'B-C', { name: 'Moved by A' })]);
    expect(outcomes(own)).toEqual([['A-T', 'UPDATED']]);
  });

  it('keeps records made through the API (no source) from every HR source, until an ADMIN sync hands them over', async () => {
    const u = await makeUnit(t.ds, { code: 'SVC-U', level: 'COUNTY' });
    const c = await makeCadre(t.ds, { externalId: 'SVC-P', name: 'Service cadre' });
    expect((await syncUnits(hrA, 'hr-a', [unit('SVC-U', null, { level: 'COUNTY' })])).counts.rejected).toBe(
      1,
    );
    const rewrite = cadre('SVC-P', { name: 'HR name', gender: 'FEMALE', birthDate: '1985-05-05' });
    expect(outcomes(await syncCadres(hrA, 'hr-a', [rewrite]))).toEqual([
      ['SVC-P', 'REJECTED', 'externalId:OWNED_BY_OTHER_SOURCE'],
    ]);
    expect(await owners('cadre', 'external_id', ['SVC-P'])).toEqual({ 'SVC-P': null });

    // An administrator sending the same record for hr-a hands the cadre to hr-a, even unchanged.
    const handed = await syncCadres(t.adminToken, 'hr-a', [rewrite]);
    expect(outcomes(handed)).toEqual([['SVC-P', 'UPDATED']]);
    expect(await owners('cadre', 'external_id', ['SVC-P'])).toEqual({ 'SVC-P': 'hr-a' });
    const again = await syncCadres(hrA, 'hr-a', [{ ...rewrite, name: 'HR name, corrected' }]);
    expect(outcomes(again)).toEqual([['SVC-P', 'UPDATED']]);
    const [row] = await t.ds.query(`SELECT id, name FROM cadre WHERE external_id = 'SVC-P'`);
    expect(row).toEqual({ id: c.id, name: 'HR name, corrected' });
    // Readers see who keeps a record.
    const read = ok(
      await t.gql<{ cadre: { source: string | null }; unit: { source: string | null } }>(
        `query($c: ID!, $u: ID!) { cadre(id: $c) { source } unit(id: $u) { source } }`,
        { c: c.id, u: u.id },
      ),
    );
    expect(read).toEqual({ cadre: { source: 'hr-a' }, unit: { source: null } });
  });

  it("never touches another source's postings: a SNAPSHOT ends only its own", async () => {
    const scope = await makeUnit(t.ds, { code: 'P-SCOPE', level: 'COUNTY' });
    const holder = await makeCadre(t.ds, { externalId: 'P-HOLDER' });
    const posting = (externalId: string, startDate: string, endDate: string | null) => ({
      externalId,
      cadreExternalId: holder.externalId,
      unitCode: 'P-SCOPE',
      title: '副镇长',
      level: 'TOWNSHIP_DEPUTY',
      startDate,
      endDate,
    });
    ok(await syncPostings(t, { source: 'hr-a', records: [posting('X-1', '2010-01-01', '2012-12-31')] }, hrA));
    const before = await tableFingerprint(t.ds, 'posting');
    const b = ok(
      await syncPostings(
        t,
        { source: 'hr-b', mode: 'SNAPSHOT', scopeUnitCode: 'P-SCOPE', asOf: '2026-01-01', records: [] },
        hrB,
      ),
    ).syncPostings;
    expect(b.counts).toEqual(counts({ received: 0 }));
    // The same external id under hr-b is hr-b's own posting, not a rewrite of hr-a's.
    const same = ok(
      await syncPostings(t, { source: 'hr-b', records: [posting('X-1', '2014-01-01', '2015-12-31')] }, hrB),
    ).syncPostings;
    expect(same.counts).toEqual(counts({ received: 1, created: 1 }));
    expect((await tableFingerprint(t.ds, 'posting')).n).toBe(before.n + 1);
    const [a] = await t.ds.query(
      `SELECT start_date::text AS start FROM posting WHERE source = 'hr-a' AND external_id = 'X-1'`,
    );
    expect(a).toEqual({ start: '2010-01-01' });
    expect(scope.code).toBe('P-SCOPE');
  });

  it('gives units and cadres made by syncs before the migration their source back from the audit log', async () => {
    const owned = async () => ({
      units: await owners('unit', 'code', ['A-C', 'B-C', 'SVC-U']),
      cadres: await owners('cadre', 'external_id', ['A-P1', 'B-P1', 'P-HOLDER']),
    });
    const now = await owned();
    expect(now).toEqual({
      units: { 'A-C': 'hr-a', 'B-C': 'hr-b', 'SVC-U': null },
      cadres: { 'A-P1': 'hr-a', 'B-P1': 'hr-b', 'P-HOLDER': null },
    });
    // As the owner, who runs migrations: the service's own login may not alter tables.
    const owner = {
      query: (sql: string, params?: unknown[]) => t.asOwner(sql, params),
    } as unknown as QueryRunner;
    const migration = new AddRecordSource1764233500000();
    // The sanction and rank_grant triggers use its guard function: that later migration goes first, and returns.
    const later = new CreateSanctionAndRankGrant1764235500000();
    // rank_quota refers to position_level's (code, ladder) key, which that migration adds
    const quota = new CreateRankQuota1764236310000();
    // posts and their quotas refer to it too (1764237600000), and rank_quota's audit (1764237200000) to rank_quota
    const posts = new CreatePostsAndSlates1764237600000();
    const quotaAudit = new AuditRankQuota1764237200000();
    // The rules' span triggers (on cadre and unit among others) read tables these migrations drop and make again
    // (PATHWAY reads sanction): they are left out while the migrations go down and up.
    const spanTriggers = (action: 'DISABLE' | 'ENABLE') =>
      t.asOwner(`DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT tgname, tgrelid::regclass AS rel FROM pg_trigger
                  WHERE tgname LIKE 'rule\\_spans\\_%' AND NOT tgisinternal LOOP
          EXECUTE format('ALTER TABLE %s ${action} TRIGGER %I', r.rel, r.tgname);
        END LOOP; END $$`);
    await spanTriggers('DISABLE');
    await posts.down(owner);
    await quotaAudit.down(owner);
    await quota.down(owner);
    await later.down(owner);
    await migration.down(owner);
    await migration.up(owner);
    await later.up(owner);
    await quota.up(owner);
    await quotaAudit.up(owner);
    await posts.up(owner);
    await spanTriggers('ENABLE');
    expect(await owned()).toEqual(now);
  });

  it('refuses, in the database, any write by an HR system to a row it does not keep', async () => {
    const asHr = async (source: string, sql: string, params: unknown[]) =>
      t.ds.transaction(async (em) => {
        await em.query(
          `SELECT set_config('cadre.actor_role', 'HR_SYNC', true), set_config('cadre.actor_source', $1, true)`,
          [source],
        );
        return em.query(sql, params);
      });
    const [a] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = 'A-P2'`);
    const [svcUnit] = await t.ds.query(`SELECT id FROM unit WHERE code = 'SVC-U'`);
    const [aPosting] = await t.ds.query(`SELECT id FROM posting WHERE source = 'hr-a'`);
    const before = [await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'unit')];
    const refused = [
      [`UPDATE cadre SET name = 'x' WHERE id = $1`, [a.id], 'cadre_source_owner_check'],
      [`UPDATE cadre SET source = 'hr-b' WHERE id = $1`, [a.id], 'cadre_source_owner_check'],
      [`DELETE FROM cadre WHERE id = $1`, [a.id], 'cadre_source_owner_check'],
      [`UPDATE unit SET name = 'x' WHERE id = $1`, [svcUnit.id], 'unit_source_owner_check'],
      [`UPDATE posting SET title = 'x' WHERE id = $1`, [aPosting.id], 'posting_source_owner_check'],
      [
        `INSERT INTO unit (code, name, level, kind, source) VALUES ('FORGED', 'x', 'COUNTY', 'OTHER', 'hr-a')`,
        [],
        'unit_source_owner_check',
      ],
    ] as const;
    for (const [sql, params, constraint] of refused) {
      await expect(asHr('hr-b', sql, [...params])).rejects.toMatchObject({ constraint });
    }
    expect([await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'unit')]).toEqual(before);
    // Its owner may; a move of hr-a's unit still carries every sub-unit along, whoever keeps it.
    await asHr('hr-a', `UPDATE cadre SET name = 'By A' WHERE id = $1`, [a.id]);
    const [aC] = await t.ds.query(`SELECT id FROM unit WHERE code = 'A-C'`);
    await asHr('hr-a', `UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'B-C') WHERE id = $1`, [
      aC.id,
    ]);
    const [bt] = await t.ds.query(
      `SELECT count(*)::int AS n FROM unit b JOIN unit r ON b.path <@ r.path WHERE b.code = 'B-T' AND r.code = 'B-C'`,
    );
    expect(bt).toEqual({ n: 1 });
  });
});
