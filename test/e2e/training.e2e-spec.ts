import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, tableFingerprint } from '../factories';

const FIELDS = 'id cadreId title provider kind startDate endDate classHours completed';
const RECORD = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateTrainingInput!) { updateTraining(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteTraining(id: $id) }`;

describe('training', () => {
  let t: TestApp;
  let cadreId: string;
  const valid = () => ({
    cadreId,
    title: '县处级干部进修班',
    provider: '省委党校',
    kind: 'PARTY_SCHOOL',
    startDate: '2026-03-02',
    endDate: '2026-03-13',
    classHours: 80,
  });

  beforeAll(async () => {
    t = await createTestApp();
    cadreId = (await makeCadre(t.ds)).id;
  });
  afterAll(() => t.close());

  /** Sends a request that must fail with code and field, and proves the training table is unchanged. */
  async function rejects(query: string, vars: Record<string, unknown>, code: string, field?: string) {
    const before = await tableFingerprint(t.ds, 'training');
    const res = await t.gql(query, vars);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await tableFingerprint(t.ds, 'training')).toEqual(before);
    return res;
  }

  it('records a training, defaulting completed to true', async () => {
    const rec = ok(await t.gql(RECORD, { input: valid() })).recordTraining;
    expect(rec).toEqual({ id: expect.any(String), ...valid(), completed: true });
    const got = ok(await t.gql(`query($id: ID!) { training(id: $id) { ${FIELDS} } }`, { id: rec.id }));
    expect(got.training).toEqual(rec);
  });

  it("lists a cadre's trainings oldest first, batched across cadres", async () => {
    const other = (await makeCadre(t.ds)).id;
    const a = ok(
      await t.gql(RECORD, {
        input: { ...valid(), cadreId: other, startDate: '2025-05-01', endDate: '2025-05-01', classHours: 4 },
      }),
    ).recordTraining;
    const b = ok(
      await t.gql(RECORD, {
        input: { ...valid(), cadreId: other, startDate: '2024-05-01', endDate: '2024-05-03', classHours: 24 },
      }),
    ).recordTraining;
    const q = `query($a: ID!, $b: ID!) {
      a: training(id: $a) { cadre { id trainings { id classHours } } }
      b: training(id: $b) { cadre { id trainings { id } } }
    }`;
    t.queries.reset();
    const res = ok(await t.gql(q, { a: a.id, b: b.id }));
    expect(res.a.cadre).toEqual({
      id: other,
      trainings: [
        { id: b.id, classHours: 24 },
        { id: a.id, classHours: 4 },
      ],
    });
    expect(res.b.cadre.trainings.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    // two lookups by id, then one batched cadre load and one batched trainings load
    expect(t.queries.count).toBeLessThanOrEqual(4);
  });

  it('shows on cadre(id) as Cadre.trainings', async () => {
    const c = (await makeCadre(t.ds)).id;
    const rec = ok(await t.gql(RECORD, { input: { ...valid(), cadreId: c } })).recordTraining;
    const res = ok(await t.gql(`query($id: ID!) { cadre(id: $id) { trainings { ${FIELDS} } } }`, { id: c }));
    expect(res.cadre.trainings).toEqual([rec]);
  });

  it('keeps class hours to one decimal place', async () => {
    const rec = ok(
      await t.gql(RECORD, { input: { ...valid(), classHours: 12.34, completed: false } }),
    ).recordTraining;
    expect(rec).toMatchObject({ classHours: 12.3, completed: false });
  });

  it('updates only the fields given and can clear the provider', async () => {
    const rec = ok(await t.gql(RECORD, { input: valid() })).recordTraining;
    const upd = ok(
      await t.gql(UPDATE, { input: { id: rec.id, classHours: 90.5, provider: null, kind: 'ONLINE' } }),
    ).updateTraining;
    expect(upd).toEqual({ ...rec, classHours: 90.5, provider: null, kind: 'ONLINE' });
  });

  it('deletes a training and then no longer finds it', async () => {
    const rec = ok(await t.gql(RECORD, { input: valid() })).recordTraining;
    expect(ok(await t.gql(DELETE, { id: rec.id })).deleteTraining).toBe(rec.id);
    await rejects(DELETE, { id: rec.id }, 'NOT_FOUND', 'id');
    const res = await t.gql(`query($id: ID!) { training(id: $id) { id } }`, { id: rec.id });
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it("refuses a cadre token for another cadre's record and writes nothing", async () => {
    const before = await tableFingerprint(t.ds, 'training');
    const other = '00000000-0000-4000-8000-000000000000';
    const res = await t.gql(RECORD, { input: valid() }, t.token({ role: Role.CADRE, cadreId: other }));
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await tableFingerprint(t.ds, 'training')).toEqual(before);
  });

  describe('rejects bad input and writes nothing', () => {
    it.each([
      ['zero hours', { classHours: 0 }, 'classHours'],
      ['negative hours', { classHours: -3 }, 'classHours'],
      ['too many hours', { classHours: 5000.5 }, 'classHours'],
      ['hours that round to zero', { classHours: 0.04 }, 'classHours'],
      ['end before start', { startDate: '2026-03-13', endDate: '2026-03-02' }, 'endDate'],
      ['blank title', { title: '   ' }, 'title'],
      ['over-long title', { title: 'x'.repeat(201) }, 'title'],
      ['over-long provider', { provider: 'x'.repeat(201) }, 'provider'],
      ['malformed cadre id', { cadreId: 'not-a-uuid' }, 'cadreId'],
    ])('%s', async (_name, over, field) => {
      await rejects(RECORD, { input: { ...valid(), ...over } }, 'BAD_USER_INPUT', field);
    });

    it('an impossible date', async () => {
      await rejects(RECORD, { input: { ...valid(), endDate: '2026-02-30' } }, 'BAD_USER_INPUT');
    });

    it('an unknown kind', async () => {
      await rejects(RECORD, { input: { ...valid(), kind: 'HOLIDAY' } }, 'BAD_USER_INPUT');
    });

    it('an unknown cadre: NOT_FOUND on cadreId', async () => {
      await rejects(RECORD, { input: { ...valid(), cadreId: randomUUID() } }, 'NOT_FOUND', 'cadreId');
    });

    it('an update that puts the end before the existing start', async () => {
      const rec = ok(await t.gql(RECORD, { input: valid() })).recordTraining;
      await rejects(UPDATE, { input: { id: rec.id, endDate: '2026-03-01' } }, 'BAD_USER_INPUT', 'endDate');
    });

    it.each([
      ['zero hours', { classHours: 0 }, 'classHours'],
      ['a null title', { title: null }, 'title'],
      ['a null start date', { startDate: null }, 'startDate'],
      ['a null kind', { kind: null }, 'kind'],
      ['an over-long title', { title: 'y'.repeat(201) }, 'title'],
    ])('an update with %s', async (_name, over, field) => {
      const rec = ok(await t.gql(RECORD, { input: valid() })).recordTraining;
      await rejects(UPDATE, { input: { id: rec.id, ...over } }, 'BAD_USER_INPUT', field);
    });

    it('an update or delete of an unknown or malformed id', async () => {
      await rejects(UPDATE, { input: { id: randomUUID(), classHours: 5 } }, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { input: { id: '42', classHours: 5 } }, 'BAD_USER_INPUT', 'id');
      await rejects(DELETE, { id: 'nope' }, 'BAD_USER_INPUT', 'id');
    });
  });
});
