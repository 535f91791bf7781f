import { AccessService } from '../../src/auth/access.service';
import { Role } from '../../src/auth/caller';
import { createLoaders } from '../../src/common/graphql/loaders';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

/** Jurisdiction rules beyond the matrix: lists, moves, nested paths. */
describe('access: jurisdiction and nested paths', () => {
  let t: TestApp;
  let county: string;
  let township: string;
  let elsewhere: string;
  let inside: string;
  let outside: string;
  let movedOut: string;
  let od: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
    elsewhere = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    inside = (await makeCadre(t.ds, { name: '甲 inside' })).id;
    await makePosting(t.ds, inside, township, { startDate: '2018-01-01' });
    outside = (await makeCadre(t.ds, { name: '乙 outside' })).id;
    await makePosting(t.ds, outside, elsewhere, { startDate: '2018-01-01' });
    movedOut = (await makeCadre(t.ds, { name: '丙 moved out' })).id;
    await makePosting(t.ds, movedOut, township, { startDate: '2015-01-01', endDate: '2020-12-31' });
    await makePosting(t.ds, movedOut, elsewhere, { startDate: '2021-01-01' });
    od = t.token({ role: Role.ORG_DEPT, unitId: county });
  });
  afterAll(() => t.close());

  const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code;
  const NAMES = `query($f: CadreFilter) { cadres(filter: $f, first: 100) { edges { node { name } } } }`;

  describe('ORG_DEPT', () => {
    it('lists only cadres currently posted in its subtree, whatever the filter', async () => {
      const all = ok(await t.gql(NAMES, {}, od)).cadres.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
      expect(all).toEqual(['甲 inside']);
      const sub = ok(await t.gql(NAMES, { f: { unitId: township } }, od)).cadres.edges;
      expect(sub).toHaveLength(1);
    });

    it('is FORBIDDEN, not an empty list, when it names a unit outside its jurisdiction', async () => {
      expect(code(await t.gql(NAMES, { f: { unitId: elsewhere } }, od))).toBe('FORBIDDEN');
      expect(code(await t.gql(`query($id: ID!) { unit(id: $id) { id } }`, { id: elsewhere }, od))).toBe(
        'FORBIDDEN',
      );
    });

    it('units() without a parent is its own root', async () => {
      expect(ok(await t.gql(`{ units { id } }`, {}, od)).units).toEqual([{ id: county }]);
    });

    it('still reads the history of a cadre who moved out, but may no longer change it', async () => {
      const res = ok(
        await t.gql(
          `query($id: ID!) { cadre(id: $id) { name postings { unit { id } } } }`,
          { id: movedOut },
          od,
        ),
      );
      expect(res.cadre.postings.map((p: { unit: { id: string } }) => p.unit.id)).toEqual([
        township,
        elsewhere,
      ]);
      const upd = await t.gql(
        `mutation($i: UpdateCadreInput!) { updateCadre(input: $i) { id } }`,
        { i: { id: movedOut, professionalTitle: 'x' } },
        od,
      );
      expect(code(upd)).toBe('FORBIDDEN');
    });

    it('records postings only in its subtree, and not for a cadre currently posted elsewhere', async () => {
      const REC = `mutation($i: RecordPostingInput!) { recordPosting(input: $i) { id } }`;
      const base = {
        title: '副镇长',
        level: 'TOWNSHIP_DEPUTY',
        kind: 'TEMPORARY_ASSIGNMENT',
        startDate: '2025-01-01',
      };
      expect(code(await t.gql(REC, { i: { ...base, cadreId: inside, unitId: elsewhere } }, od))).toBe(
        'FORBIDDEN',
      );
      expect(code(await t.gql(REC, { i: { ...base, cadreId: outside, unitId: township } }, od))).toBe(
        'FORBIDDEN',
      );
      ok(await t.gql(REC, { i: { ...base, cadreId: inside, unitId: township } }, od));
    });

    it('creates a cadre and gives it a first posting in its subtree; it then lists the cadre', async () => {
      const created = ok(
        await t.gql(
          `mutation($i: CreateCadreInput!) { createCadre(input: $i) { id } }`,
          {
            i: {
              externalId: 'NEW-OD-1',
              name: '丁 new',
              gender: 'MALE',
              birthDate: '1999-01-01',
              workStartDate: '2025-08-01',
              educationLevel: 'BACHELOR',
            },
          },
          od,
        ),
      ).createCadre;
      ok(
        await t.gql(
          `mutation($i: RecordPostingInput!) { recordPosting(input: $i) { id } }`,
          {
            i: {
              cadreId: created.id,
              unitId: township,
              title: '科员',
              level: 'CLERK_1',
              startDate: '2025-08-01',
            },
          },
          od,
        ),
      );
      const names = ok(await t.gql(NAMES, {}, od)).cadres.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
      expect(names).toContain('丁 new');
    });
  });

  describe('CADRE', () => {
    let self: string;
    beforeAll(() => {
      self = t.token({ role: Role.CADRE, cadreId: inside });
    });

    it('reaches its own record and every nested path back to itself', async () => {
      await t.ds.query(
        `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
         VALUES ($1, 'x', 'ONLINE', '2026-01-01', '2026-01-02', 8)`,
        [inside],
      );
      await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2024, 'EXCELLENT')`, [
        inside,
      ]);
      await t.ds.query(
        `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level)
         VALUES ($1, 'y', '2024-01-01', 'TRANSPORT', 'UNIT')`,
        [inside],
      );
      const me = ok(
        await t.gql(
          `{ me { id postings { cadre { id } unit { id parent { id } } } trainings { cadre { id } }
                  achievements { verificationNote cadre { id } } appraisals { grade cadre { id } } } }`,
          {},
          self,
        ),
      ).me;
      expect(me.id).toBe(inside);
      const ids = [me.postings, me.trainings, me.achievements, me.appraisals].flat().map((x) => x.cadre.id);
      expect(new Set(ids)).toEqual(new Set([inside]));
      expect(me.appraisals[0].grade).toBe('EXCELLENT');
    });

    it.each<[string, string, () => Record<string, unknown>]>([
      ['cadre(id) of itself', `query($id: ID!) { cadre(id: $id) { id } }`, () => ({ id: inside })],
      ['cadre(id) of another', `query($id: ID!) { cadre(id: $id) { id } }`, () => ({ id: outside })],
      ['the cadre list', `{ cadres { totalCount } }`, () => ({})],
      ['a unit', `query($id: ID!) { unit(id: $id) { id } }`, () => ({ id: township })],
    ])('is FORBIDDEN for %s', async (_name, query, vars) => {
      expect(code(await t.gql(query, vars(), self))).toBe('FORBIDDEN');
    });

    it('may claim an achievement for itself (CLAIMED), never for another, and never verify', async () => {
      const REC = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id verificationStatus } }`;
      const i = { title: '课题', domain: 'EDUCATION', achievedOn: '2025-01-01', recognitionLevel: 'UNIT' };
      const mine = ok(await t.gql(REC, { i: { ...i, cadreId: inside } }, self)).recordAchievement;
      expect(mine.verificationStatus).toBe('CLAIMED');
      expect(code(await t.gql(REC, { i: { ...i, cadreId: outside } }, self))).toBe('FORBIDDEN');
      const verify = `mutation($id: ID!) { verifyAchievement(id: $id, decision: VERIFIED) { id } }`;
      expect(code(await t.gql(verify, { id: mine.id }, self))).toBe('FORBIDDEN');
    });
  });

  it('the per-request cadre loader, the one door of every nested path to a cadre, refuses other cadres', async () => {
    const access = new AccessService(t.ds);
    const asCadre = createLoaders(t.ds, access, { sub: 'c', role: Role.CADRE, cadreId: inside });
    expect((await asCadre.cadre.load(inside))?.id).toBe(inside);
    await expect(asCadre.cadre.load(outside)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asOd = createLoaders(t.ds, access, { sub: 'o', role: Role.ORG_DEPT, unitId: county });
    const [a, b, c] = await asOd.cadre.loadMany([inside, movedOut, outside]);
    expect([a, b].map((x) => (x as { id: string }).id)).toEqual([inside, movedOut]);
    expect(c).toMatchObject({ code: 'FORBIDDEN' });
    const asHr = createLoaders(t.ds, access, { sub: 'h', role: Role.HR_SYNC, source: 'hr' });
    await expect(asHr.cadre.load(inside)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
