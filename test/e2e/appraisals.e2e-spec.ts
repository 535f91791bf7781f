import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, tableFingerprint } from '../factories';

const FIELDS = 'id cadreId year grade note';
const RECORD = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAppraisalInput!) { updateAppraisal(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAppraisal(id: $id) }`;

describe('appraisals', () => {
  let t: TestApp;
  let cadreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    cadreId = (await makeCadre(t.ds)).id;
  });
  afterAll(() => t.close());

  async function rejects(query: string, vars: Record<string, unknown>, code: string, field?: string) {
    const before = await tableFingerprint(t.ds, 'appraisal');
    const res = await t.gql(query, vars);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await tableFingerprint(t.ds, 'appraisal')).toEqual(before);
  }

  it('records appraisals and lists them on the cadre, oldest year first', async () => {
    const c = (await makeCadre(t.ds)).id;
    const y24 = ok(
      await t.gql(RECORD, { input: { cadreId: c, year: 2024, grade: 'EXCELLENT', note: '优秀' } }),
    ).recordAppraisal;
    expect(y24).toEqual({ id: expect.any(String), cadreId: c, year: 2024, grade: 'EXCELLENT', note: '优秀' });
    const y23 = ok(
      await t.gql(RECORD, { input: { cadreId: c, year: 2023, grade: 'COMPETENT' } }),
    ).recordAppraisal;
    expect(y23.note).toBeNull();
    const res = ok(
      await t.gql(`query($id: ID!) { appraisal(id: $id) { year cadre { id appraisals { year grade } } } }`, {
        id: y24.id,
      }),
    );
    expect(res.appraisal).toEqual({
      year: 2024,
      cadre: {
        id: c,
        appraisals: [
          { year: 2023, grade: 'COMPETENT' },
          { year: 2024, grade: 'EXCELLENT' },
        ],
      },
    });
  });

  it('shows on cadre(id) as Cadre.appraisals', async () => {
    const c = (await makeCadre(t.ds)).id;
    const rec = ok(
      await t.gql(RECORD, { input: { cadreId: c, year: 2021, grade: 'EXCELLENT' } }),
    ).recordAppraisal;
    const res = ok(await t.gql(`query($id: ID!) { cadre(id: $id) { appraisals { ${FIELDS} } } }`, { id: c }));
    expect(res.cadre.appraisals).toEqual([rec]);
  });

  it('updates only the fields given and clears the note', async () => {
    const rec = ok(
      await t.gql(RECORD, { input: { cadreId, year: 2020, grade: 'COMPETENT', note: 'x' } }),
    ).recordAppraisal;
    const upd = ok(
      await t.gql(UPDATE, { input: { id: rec.id, grade: 'EXCELLENT', note: null } }),
    ).updateAppraisal;
    expect(upd).toEqual({ ...rec, grade: 'EXCELLENT', note: null });
    const moved = ok(await t.gql(UPDATE, { input: { id: rec.id, year: 2019 } })).updateAppraisal;
    expect(moved).toEqual({ ...upd, year: 2019 });
  });

  it('deletes an appraisal, which frees its year', async () => {
    const rec = ok(
      await t.gql(RECORD, { input: { cadreId, year: 2015, grade: 'UNGRADED' } }),
    ).recordAppraisal;
    expect(ok(await t.gql(DELETE, { id: rec.id })).deleteAppraisal).toBe(rec.id);
    await rejects(DELETE, { id: rec.id }, 'NOT_FOUND', 'id');
    ok(await t.gql(RECORD, { input: { cadreId, year: 2015, grade: 'COMPETENT' } }));
  });

  it('refuses a cadre token and writes nothing', async () => {
    const before = await tableFingerprint(t.ds, 'appraisal');
    const res = await t.gql(
      RECORD,
      { input: { cadreId, year: 2001, grade: 'EXCELLENT' } },
      t.token({ role: Role.CADRE, cadreId }),
    );
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await tableFingerprint(t.ds, 'appraisal')).toEqual(before);
  });

  describe('rejects bad input and writes nothing', () => {
    it('a duplicate year for the cadre: CONFLICT on year', async () => {
      ok(await t.gql(RECORD, { input: { cadreId, year: 2022, grade: 'COMPETENT' } }));
      await rejects(RECORD, { input: { cadreId, year: 2022, grade: 'EXCELLENT' } }, 'CONFLICT', 'year');
    });

    it('an update onto a year already taken: CONFLICT on year', async () => {
      ok(await t.gql(RECORD, { input: { cadreId, year: 2010, grade: 'COMPETENT' } }));
      const rec = ok(
        await t.gql(RECORD, { input: { cadreId, year: 2011, grade: 'COMPETENT' } }),
      ).recordAppraisal;
      await rejects(UPDATE, { input: { id: rec.id, year: 2010 } }, 'CONFLICT', 'year');
    });

    it.each([
      ['a year before 1950', { year: 1949 }, 'year'],
      ['a year after 2100', { year: 2101 }, 'year'],
      ['an over-long note', { note: 'n'.repeat(2001) }, 'note'],
      ['a malformed cadre id', { cadreId: 'abc' }, 'cadreId'],
    ])('%s', async (_name, over, field) => {
      await rejects(
        RECORD,
        { input: { cadreId, year: 2005, grade: 'COMPETENT', ...over } },
        'BAD_USER_INPUT',
        field,
      );
    });

    it('an unknown grade', async () => {
      await rejects(RECORD, { input: { cadreId, year: 2005, grade: 'GREAT' } }, 'BAD_USER_INPUT');
    });

    it('an unknown cadre: NOT_FOUND on cadreId', async () => {
      await rejects(
        RECORD,
        { input: { cadreId: randomUUID(), year: 2005, grade: 'COMPETENT' } },
        'NOT_FOUND',
        'cadreId',
      );
    });

    let nextYear = 2050;
    it.each([
      ['a year out of range', { year: 1900 }, 'year'],
      ['a null year', { year: null }, 'year'],
      ['a null grade', { grade: null }, 'grade'],
      ['an over-long note', { note: 'n'.repeat(2001) }, 'note'],
    ])('an update with %s', async (_name, over, field) => {
      nextYear += 1;
      const rec = ok(await t.gql(RECORD, { input: { cadreId, year: nextYear, grade: 'COMPETENT' } }));
      await rejects(UPDATE, { input: { id: rec.recordAppraisal.id, ...over } }, 'BAD_USER_INPUT', field);
    });

    it('an unknown or malformed id', async () => {
      await rejects(UPDATE, { input: { id: randomUUID(), grade: 'EXCELLENT' } }, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { input: { id: 'x', grade: 'EXCELLENT' } }, 'BAD_USER_INPUT', 'id');
      await rejects(DELETE, { id: '123' }, 'BAD_USER_INPUT', 'id');
    });
  });
});
