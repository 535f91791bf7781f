import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

const FIELDS = `id cadreId kind decisionDate effectiveDate issuingBody documentNumber note influenceMonths
  influenceEndsOn revokedOn revocationReason tolerance { basis decidedOn note } source externalId`;
const RECORD = `mutation($input: RecordSanctionInput!) { recordSanction(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSanctionInput!) { updateSanction(input: $input) { ${FIELDS} } }`;
const REVOKE = `mutation($input: RevokeSanctionInput!) { revokeSanction(input: $input) { ${FIELDS} } }`;
const TOLERANCE = `mutation($input: RecordToleranceDecisionInput!) {
  recordToleranceDecision(input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { sanction(id: $id) { id kind cadre { id } } }`;

const demerit = (cadreId: string, over: Record<string, unknown> = {}) => ({
  cadreId,
  kind: 'DEMERIT',
  decisionDate: '2026-03-10',
  effectiveDate: '2026-03-16',
  issuingBody: '县纪委监委',
  documentNumber: '县纪发〔2026〕7号',
  ...over,
});

describe('sanctions and accountability records', () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let otherCounty: string;
  let cadreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    cadreId = await posted();
  });
  afterAll(() => t.close());

  async function posted(): Promise<string> {
    const id = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, id, township, { startDate: '2019-01-01' });
    return id;
  }
  const orgIn = () => t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'od-in' });
  const orgOut = () => t.token({ role: Role.ORG_DEPT, unitId: otherCounty, sub: 'od-out' });

  async function rejects(
    query: string,
    vars: Record<string, unknown>,
    code: string,
    field?: string,
    token?: string,
  ) {
    const before = await tableFingerprint(t.ds, 'sanction');
    const res = await t.gql(query, vars, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await tableFingerprint(t.ds, 'sanction')).toEqual(before);
  }

  it('records a demerit with its 12-month influence period and lists it on the cadre', async () => {
    const c = await posted();
    const rec = ok(await t.gql(RECORD, { input: { ...demerit(c), note: '违反工作纪律' } })).recordSanction;
    expect(rec).toEqual({
      id: expect.any(String),
      cadreId: c,
      kind: 'DEMERIT',
      decisionDate: '2026-03-10',
      effectiveDate: '2026-03-16',
      issuingBody: '县纪委监委',
      documentNumber: '县纪发〔2026〕7号',
      note: '违反工作纪律',
      influenceMonths: 12,
      influenceEndsOn: '2027-03-15',
      revokedOn: null,
      revocationReason: null,
      tolerance: null,
      source: null,
      externalId: null,
    });
    const warning = ok(
      await t.gql(RECORD, {
        input: demerit(c, { kind: 'WARNING', decisionDate: '2023-08-31', effectiveDate: '2023-08-31' }),
      }),
    ).recordSanction;
    // 6 months from 31 August 2023 is 29 February 2024 (clamped to the month's end, as PostgreSQL adds months):
    // the first free day; the 28th is the last day under the warning.
    expect([warning.influenceMonths, warning.influenceEndsOn]).toEqual([6, '2024-02-28']);
    const res = ok(await t.gql(`query($id: ID!) { cadre(id: $id) { sanctions { id kind } } }`, { id: c }));
    expect(res.cadre.sanctions).toEqual([
      { id: warning.id, kind: 'WARNING' },
      { id: rec.id, kind: 'DEMERIT' },
    ]);
    expect(ok(await t.gql(ONE, { id: rec.id })).sanction).toEqual({
      id: rec.id,
      kind: 'DEMERIT',
      cadre: { id: c },
    });
  });

  it('gives each kind its period from the policy data', async () => {
    const c = await posted();
    const months: Record<string, number> = {};
    for (const kind of [
      'MAJOR_DEMERIT',
      'REMOVAL',
      'PARTY_SERIOUS_WARNING',
      'ADMONISHMENT',
      'DEMOTION_IN_POST',
    ]) {
      const rec = ok(await t.gql(RECORD, { input: demerit(c, { kind }) })).recordSanction;
      months[kind] = rec.influenceMonths;
    }
    expect(months).toEqual({
      MAJOR_DEMERIT: 18,
      REMOVAL: 24,
      PARTY_SERIOUS_WARNING: 18,
      ADMONISHMENT: 6,
      DEMOTION_IN_POST: 24,
    });
  });

  it('updates only the fields given, and audits every change with its actor', async () => {
    const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) }, orgIn())).recordSanction;
    const upd = ok(
      await t.gql(
        UPDATE,
        { input: { id: rec.id, kind: 'MAJOR_DEMERIT', note: '复核', documentNumber: null } },
        orgIn(),
      ),
    ).updateSanction;
    expect(upd).toEqual({
      ...rec,
      kind: 'MAJOR_DEMERIT',
      note: '复核',
      documentNumber: null,
      influenceMonths: 18,
      influenceEndsOn: '2027-09-15',
    });
    const audit = await t.ds.query<{ action: string; actor_sub: string; kind: string }[]>(
      `SELECT action, actor_sub, after->>'kind' AS kind FROM audit_log
        WHERE entity = 'sanction' AND entity_id = $1 ORDER BY id`,
      [rec.id],
    );
    expect(audit).toEqual([
      { action: 'INSERT', actor_sub: 'od-in', kind: 'DEMERIT' },
      { action: 'UPDATE', actor_sub: 'od-in', kind: 'MAJOR_DEMERIT' },
    ]);
  });

  it('revokes a sanction lifted on appeal: the record stays, marked with date and reason', async () => {
    const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) })).recordSanction;
    await rejects(
      REVOKE,
      { input: { id: rec.id, revokedOn: '2026-03-09', reason: '申诉' } },
      'BAD_USER_INPUT',
      'revokedOn',
    );
    const revoked = ok(
      await t.gql(REVOKE, { input: { id: rec.id, revokedOn: '2026-06-01', reason: '申诉后撤销' } }),
    ).revokeSanction;
    expect(revoked).toEqual({ ...rec, revokedOn: '2026-06-01', revocationReason: '申诉后撤销' });
    await rejects(
      REVOKE,
      { input: { id: rec.id, revokedOn: '2026-07-01', reason: '再次' } },
      'CONFLICT',
      'id',
    );
    const [{ n }] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM sanction WHERE id = $1`,
      [rec.id],
    );
    expect(n).toBe(1);
  });

  describe('容错 decisions', () => {
    it('records one per record, shown with it', async () => {
      const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) }, orgIn())).recordSanction;
      const input = {
        cadreId,
        sanctionId: rec.id,
        basis: '三个区分开来：改革探索中的失误',
        decidedOn: '2026-03-10',
      };
      const tol = ok(await t.gql(TOLERANCE, { input }, orgIn())).recordToleranceDecision;
      expect(tol).toEqual({ ...rec, tolerance: { basis: input.basis, decidedOn: '2026-03-10', note: null } });
      const res = ok(
        await t.gql(`query($id: ID!) { cadre(id: $id) { sanctions { id tolerance { decidedOn } } } }`, {
          id: cadreId,
        }),
      );
      expect(res.cadre.sanctions).toContainEqual({ id: rec.id, tolerance: { decidedOn: '2026-03-10' } });
      const audit = await t.ds.query<{ action: string; actor_sub: string; decided: string | null }[]>(
        `SELECT action, actor_sub, after->>'tolerance_decided_on' AS decided FROM audit_log
          WHERE entity = 'sanction' AND entity_id = $1 ORDER BY id`,
        [rec.id],
      );
      expect(audit).toEqual([
        { action: 'INSERT', actor_sub: 'od-in', decided: null },
        { action: 'UPDATE', actor_sub: 'od-in', decided: '2026-03-10' },
      ]);
      // The cadre reads the decision beside their own record.
      const self = t.token({ role: Role.CADRE, cadreId, sub: 'self-tol' });
      expect(
        ok(await t.gql(`{ me { sanctions { id tolerance { basis } } } }`, {}, self)).me.sanctions,
      ).toContainEqual({ id: rec.id, tolerance: { basis: input.basis } });
      await rejects(TOLERANCE, { input: { ...input, decidedOn: '2026-05-01' } }, 'CONFLICT', 'sanctionId');
    });

    it('refuses a decision dated before the record, or naming another cadre', async () => {
      const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) })).recordSanction;
      const input = { cadreId, sanctionId: rec.id, basis: '容错', decidedOn: '2026-03-09' };
      await rejects(TOLERANCE, { input }, 'BAD_USER_INPUT', 'decidedOn');
      const other = await posted();
      await rejects(
        TOLERANCE,
        { input: { ...input, cadreId: other, decidedOn: '2026-04-01' } },
        'BAD_USER_INPUT',
        'sanctionId',
      );
      await rejects(TOLERANCE, { input: { ...input, sanctionId: randomUUID() } }, 'NOT_FOUND', 'sanctionId');
    });
  });

  describe('who may read and write', () => {
    it('the department of the jurisdiction writes and reads; another department and HR systems may not', async () => {
      const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) }, orgIn())).recordSanction;
      expect(ok(await t.gql(ONE, { id: rec.id }, orgIn())).sanction.id).toBe(rec.id);
      await rejects(RECORD, { input: demerit(cadreId) }, 'FORBIDDEN', undefined, orgOut());
      await rejects(UPDATE, { input: { id: rec.id, note: 'x' } }, 'FORBIDDEN', undefined, orgOut());
      await rejects(
        REVOKE,
        { input: { id: rec.id, revokedOn: '2026-06-01', reason: 'x' } },
        'FORBIDDEN',
        undefined,
        orgOut(),
      );
      const hr = t.token({ role: Role.HR_SYNC, source: 'hr-main', sub: 'hr-main' });
      for (const token of [orgOut(), hr]) {
        expect((await t.gql(ONE, { id: rec.id }, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      await rejects(RECORD, { input: demerit(cadreId) }, 'FORBIDDEN', undefined, hr);
    });

    it('the cadre sees its own records (me.sanctions, sanction(id)) and nobody else’s, and writes none', async () => {
      const c = await posted();
      const rec = ok(await t.gql(RECORD, { input: demerit(c) })).recordSanction;
      const self = t.token({ role: Role.CADRE, cadreId: c, sub: 'self' });
      expect(
        ok(await t.gql(`{ me { sanctions { id kind influenceEndsOn } } }`, {}, self)).me.sanctions,
      ).toEqual([{ id: rec.id, kind: 'DEMERIT', influenceEndsOn: '2027-03-15' }]);
      expect(ok(await t.gql(ONE, { id: rec.id }, self)).sanction.id).toBe(rec.id);
      const other = t.token({ role: Role.CADRE, cadreId, sub: 'other' });
      expect((await t.gql(ONE, { id: rec.id }, other)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      await rejects(RECORD, { input: demerit(c) }, 'FORBIDDEN', undefined, self);
      await rejects(UPDATE, { input: { id: rec.id, note: '本人' } }, 'FORBIDDEN', undefined, self);
    });
  });

  describe('rejects bad input and writes nothing', () => {
    it('an unknown kind', async () => {
      await rejects(RECORD, { input: demerit(cadreId, { kind: 'BANISHMENT' }) }, 'BAD_USER_INPUT');
    });

    it('an effective date before the decision date, on record and on update', async () => {
      await rejects(
        RECORD,
        { input: demerit(cadreId, { effectiveDate: '2026-03-09' }) },
        'BAD_USER_INPUT',
        'effectiveDate',
      );
      const rec = ok(await t.gql(RECORD, { input: demerit(cadreId) })).recordSanction;
      await rejects(
        UPDATE,
        { input: { id: rec.id, decisionDate: '2026-04-01' } },
        'BAD_USER_INPUT',
        'effectiveDate',
      );
      await rejects(UPDATE, { input: { id: rec.id, issuingBody: null } }, 'BAD_USER_INPUT', 'issuingBody');
    });

    it('a sanction for an unknown cadre: NOT_FOUND on cadreId (FORBIDDEN to a department)', async () => {
      await rejects(RECORD, { input: demerit(randomUUID()) }, 'NOT_FOUND', 'cadreId');
      await rejects(RECORD, { input: demerit(randomUUID()) }, 'FORBIDDEN', undefined, orgIn());
    });

    it('a blank issuing body and an over-long note', async () => {
      await rejects(
        RECORD,
        { input: demerit(cadreId, { issuingBody: '  ' }) },
        'BAD_USER_INPUT',
        'issuingBody',
      );
      await rejects(
        RECORD,
        { input: demerit(cadreId, { note: 'n'.repeat(2001) }) },
        'BAD_USER_INPUT',
        'note',
      );
    });

    it('the database refuses the same mistakes written around the service', async () => {
      const insert = (kind: string, decision: string, effective: string) =>
        t.ds.query(
          `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body) VALUES ($1, $2, $3, $4, 'x')`,
          [cadreId, kind, decision, effective],
        );
      await expect(insert('BANISHMENT', '2026-01-01', '2026-01-01')).rejects.toMatchObject({
        driverError: { constraint: 'sanction_kind_check' },
      });
      await expect(insert('WARNING', '2026-01-02', '2026-01-01')).rejects.toMatchObject({
        driverError: { constraint: 'sanction_effective_date_check' },
      });
      const [{ id }] = await t.ds.query<{ id: string }[]>(
        `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body)
         VALUES ($1, 'WARNING', '2026-01-02', '2026-01-02', 'x') RETURNING id`,
        [cadreId],
      );
      await expect(
        t.ds.query(
          `UPDATE sanction SET tolerance_basis = 'b', tolerance_decided_on = '2026-01-01' WHERE id = $1`,
          [id],
        ),
      ).rejects.toMatchObject({ driverError: { constraint: 'sanction_tolerance_date_check' } });
      await expect(
        t.ds.query(`UPDATE sanction SET revoked_on = '2026-02-01' WHERE id = $1`, [id]),
      ).rejects.toMatchObject({ driverError: { constraint: 'sanction_revocation_pair_check' } });
    });
  });

  it('a department may not delete a cadre with a sanction; the administrator may', async () => {
    const c = (await makeCadre(t.ds)).id;
    ok(await t.gql(RECORD, { input: demerit(c) }));
    const del = `mutation($id: ID!) { deleteCadre(id: $id) }`;
    expect((await t.gql(del, { id: c }, orgIn())).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(ok(await t.gql(del, { id: c })).deleteCadre).toBe(c);
  });
});
