import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

interface AuditRow {
  id: string;
  actor_sub: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

const UPDATE = `mutation($input: UpdateCadreInput!) { updateCadre(input: $input) { id name } }`;
const AUDIT_LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at actorSub actorRole action entity entityId before after requestId } }
  }
}`;

describe('audit', () => {
  let t: TestApp;
  let root: string;
  let cadreId: string;
  let orgToken: string;
  beforeAll(async () => {
    t = await createTestApp();
    root = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    cadreId = (await makeCadre(t.ds, { name: '王芳' })).id;
    await makePosting(t.ds, cadreId, root);
    orgToken = t.token({ role: Role.ORG_DEPT, unitId: root, sub: 'county-od-1' });
  });
  afterAll(() => t.close());

  const maxId = async (): Promise<number> =>
    Number((await t.ds.query(`SELECT coalesce(max(id), 0) AS m FROM audit_log`))[0].m);
  const since = (id: number): Promise<AuditRow[]> =>
    t.ds.query(`SELECT * FROM audit_log WHERE id > $1 ORDER BY id`, [id]);

  it('a mutation writes one audit row with who, what, before and after', async () => {
    const mark = await maxId();
    ok(await t.gql(UPDATE, { input: { id: cadreId, name: '王芳芳' } }, orgToken));
    const rows = await since(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_sub: 'county-od-1',
      actor_role: 'ORG_DEPT',
      action: 'UPDATE',
      entity: 'cadre',
      entity_id: cadreId,
    });
    expect(rows[0].before).toMatchObject({ id: cadreId, name: '王芳' });
    expect(rows[0].after).toMatchObject({ id: cadreId, name: '王芳芳' });
    expect(rows[0].request_id).toEqual(expect.any(String));
  });

  it('records inserts and deletes, with the cascade to child rows', async () => {
    const mark = await maxId();
    const created = ok(
      await t.gql(`mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }`, {
        input: {
          cadreId,
          title: '道路改造',
          domain: 'TRANSPORT',
          achievedOn: '2024-05-01',
          recognitionLevel: 'UNIT',
          impacts: [{ indicator: 'e-bikes in motor lanes', baseline: 38.5, result: 4.7, unit: '%' }],
        },
      }),
    ).recordAchievement;
    ok(await t.gql(`mutation($id: ID!) { deleteAchievement(id: $id) }`, { id: created.id }));
    const rows = await since(mark);
    expect(rows.map((r) => `${r.action} ${r.entity}`).sort()).toEqual([
      'DELETE achievement',
      'DELETE achievement_impact',
      'INSERT achievement',
      'INSERT achievement_impact',
    ]);
    expect(rows.every((r) => r.actor_sub === 'test-admin' && r.actor_role === 'ADMIN')).toBe(true);
    const deleted = rows.find((r) => r.action === 'DELETE' && r.entity === 'achievement');
    expect(deleted?.before).toMatchObject({ id: created.id, title: '道路改造' });
    expect(deleted?.after).toBeNull();
  });

  it('a failed mutation writes no audit row (same transaction)', async () => {
    const other = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, other, (await makeUnit(t.ds)).id);
    const mark = await maxId();
    // Taking another cadre's external id violates a unique key after the trigger could have run.
    const [{ external_id }] = await t.ds.query(`SELECT external_id FROM cadre WHERE id = $1`, [other]);
    const res = await t.gql(UPDATE, { input: { id: cadreId, externalId: external_id } });
    expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
    // A refused one writes none either.
    const denied = await t.gql(
      UPDATE,
      { input: { id: other, name: 'x' } },
      t.token({ role: Role.ORG_DEPT, unitId: root }),
    );
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await since(mark)).toEqual([]);
  });

  it("logs an organisation department's read of a full record as READ; an admin's read is not logged", async () => {
    const mark = await maxId();
    ok(await t.gql(`query($id: ID!) { cadre(id: $id) { id } }`, { id: cadreId }, orgToken));
    ok(await t.gql(`query($id: ID!) { cadre(id: $id) { id } }`, { id: cadreId }));
    const rows = await since(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'READ',
      entity: 'cadre',
      entity_id: cadreId,
      actor_sub: 'county-od-1',
      actor_role: 'ORG_DEPT',
      before: null,
      after: null,
    });
  });

  it('writes without an actor (migrations, the seed) are still audited, with a NULL actor', async () => {
    const mark = await maxId();
    const unit = await makeUnit(t.ds);
    const rows = await since(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'INSERT', entity: 'unit', entity_id: unit.id, actor_sub: null });
  });

  it('audit rows cannot be updated, deleted or truncated: the app role lacks the privileges', async () => {
    const [{ id }] = await t.ds.query(`SELECT max(id) AS id FROM audit_log`);
    const before = await t.ds.query(`SELECT * FROM audit_log ORDER BY id`);
    await expect(
      t.ds.query(`UPDATE audit_log SET actor_sub = 'someone' WHERE id = $1`, [id]),
    ).rejects.toThrow(/permission denied for table audit_log/);
    await expect(t.ds.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    // nor can it switch the guarding triggers off: only the owner may alter the table
    await expect(t.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable_trg`)).rejects.toThrow(
      /must be owner/,
    );
    expect(await t.ds.query(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
  });

  it('audit rows cannot be changed by the owner either, while the triggers stand', async () => {
    const [{ id }] = await t.ds.query(`SELECT max(id) AS id FROM audit_log`);
    const before = await t.ds.query(`SELECT * FROM audit_log ORDER BY id`);
    await expect(t.asOwner(`UPDATE audit_log SET actor_sub = 'someone' WHERE id = $1`, [id])).rejects.toThrow(
      /never changed or deleted/,
    );
    await expect(t.asOwner(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/never changed/);
    await expect(t.asOwner(`TRUNCATE audit_log`)).rejects.toThrow(/never changed/);
    expect(await t.ds.query(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
  });

  it('no operation of the API writes audit rows: the schema has no mutation on them', async () => {
    const res = await t.gql(`{ __schema { mutationType { fields { name } } } }`);
    const names = (ok(res).__schema.mutationType.fields as { name: string }[]).map((f) => f.name);
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });

  describe('auditLog', () => {
    it('filters by entity, id and actor, newest first, a page at a time', async () => {
      const filter = { entity: 'cadre', entityId: cadreId, actorSub: 'county-od-1' };
      const page1 = ok(await t.gql(AUDIT_LOG, { filter, first: 1 })).auditLog;
      expect(page1.totalCount).toBe(2);
      expect(page1.edges[0].node).toMatchObject({ action: 'READ', actorRole: 'ORG_DEPT', entityId: cadreId });
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = ok(
        await t.gql(AUDIT_LOG, { filter, first: 1, after: page1.pageInfo.endCursor }),
      ).auditLog;
      expect(page2.edges[0].node).toMatchObject({ action: 'UPDATE', before: { name: '王芳' } });
      expect(page2.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by time', async () => {
      const future = ok(await t.gql(AUDIT_LOG, { filter: { from: '2999-01-01T00:00:00Z' } })).auditLog;
      expect(future.totalCount).toBe(0);
      const past = ok(await t.gql(AUDIT_LOG, { filter: { to: '2999-01-01T00:00:00Z' }, first: 1 })).auditLog;
      expect(past.totalCount).toBeGreaterThan(5);
    });

    it.each<[string, () => string]>([
      ['an organisation department', () => t.token({ role: Role.ORG_DEPT, unitId: root })],
      ['a cadre', () => t.token({ role: Role.CADRE, cadreId })],
      ['an HR system', () => t.token({ role: Role.HR_SYNC, source: 'hr' })],
    ])('is FORBIDDEN to %s', async (_name, token) => {
      const res = await t.gql(AUDIT_LOG, {}, token());
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
