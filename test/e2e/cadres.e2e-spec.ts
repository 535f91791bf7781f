import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

const FIELDS = `id externalId name gender birthDate ethnicity nativePlace partyJoinDate workStartDate
  educationLevel educationMajor educationInService professionalTitle status`;
const CREATE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCadreInput!) { updateCadre(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteCadre(id: $id) }`;
const GET = `query($id: ID!) { cadre(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: CadreFilter, $first: Int, $after: String) {
  cadres(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;

const validInput = (over: Record<string, unknown> = {}) => ({
  externalId: `HR-${Math.random().toString(36).slice(2, 10)}`,
  name: '李雪',
  gender: 'FEMALE',
  birthDate: '1986-04-12',
  workStartDate: '2009-07-01',
  educationLevel: 'BACHELOR',
  ...over,
});

function firstError(res: GqlResult) {
  expect(res.errors?.length).toBeGreaterThan(0);
  return res.errors![0].extensions;
}

describe('cadres', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Runs a request that must fail and asserts it wrote nothing to the cadre or posting tables. */
  async function rejects(query: string, variables: Record<string, unknown>) {
    const before = [await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'posting')];
    const res = await t.gql(query, variables);
    expect([await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'posting')]).toEqual(before);
    return firstError(res);
  }

  describe('createCadre', () => {
    it('creates a cadre with defaults and reads it back', async () => {
      const input = validInput({ ethnicity: '藏族', partyJoinDate: '2010-07-01', educationMajor: 'Tourism' });
      const created = ok(await t.gql(CREATE, { input })).createCadre;
      expect(created).toMatchObject({
        ...input,
        nativePlace: null,
        professionalTitle: null,
        educationInService: false,
        status: 'ACTIVE',
      });
      expect(ok(await t.gql(GET, { id: created.id })).cadre).toEqual(created);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['over-long name', { name: 'x'.repeat(101) }, 'name'],
      ['blank name', { name: '   ' }, 'name'],
      ['empty externalId', { externalId: '' }, 'externalId'],
      ['over-long externalId', { externalId: 'x'.repeat(65) }, 'externalId'],
      ['over-long ethnicity', { ethnicity: 'x'.repeat(51) }, 'ethnicity'],
      ['over-long nativePlace', { nativePlace: 'x'.repeat(101) }, 'nativePlace'],
      ['over-long professionalTitle', { professionalTitle: 'x'.repeat(101) }, 'professionalTitle'],
      ['work before birth', { birthDate: '1990-01-01', workStartDate: '1989-12-31' }, 'workStartDate'],
      ['party before birth', { birthDate: '1990-01-01', partyJoinDate: '1980-01-01' }, 'partyJoinDate'],
      ['birth date out of range', { birthDate: '1850-01-01', workStartDate: '1870-01-01' }, 'birthDate'],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_name, over, field) => {
      expect(await rejects(CREATE, { input: validInput(over) })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown gender', { gender: 'OTHER' }],
      ['an impossible date', { birthDate: '1990-02-30' }],
      ['a date with a time', { workStartDate: '2009-07-01T00:00:00Z' }],
    ])('rejects %s at the schema and writes nothing', async (_name, over) => {
      expect((await rejects(CREATE, { input: validInput(over) })).code).toBe('BAD_USER_INPUT');
    });

    it('rejects a duplicate externalId with CONFLICT on externalId', async () => {
      const existing = await makeCadre(t.ds);
      expect(await rejects(CREATE, { input: validInput({ externalId: existing.externalId }) })).toMatchObject(
        {
          code: 'CONFLICT',
          field: 'externalId',
        },
      );
    });
  });

  describe('cadre', () => {
    it('answers NOT_FOUND for a missing id', async () => {
      const res = await t.gql(GET, { id: '00000000-0000-4000-8000-000000000000' });
      expect(firstError(res)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    it('answers BAD_USER_INPUT for a malformed id', async () => {
      const res = await t.gql(GET, { id: 'not-a-uuid' });
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    it('is denied to a CADRE token', async () => {
      const c = await makeCadre(t.ds);
      const res = await t.gql(GET, { id: c.id }, t.token({ role: Role.CADRE, cadreId: c.id }));
      expect(firstError(res).code).toBe('FORBIDDEN');
    });
  });

  describe('updateCadre', () => {
    it('changes only the fields given and can clear a nullable one', async () => {
      const created = ok(await t.gql(CREATE, { input: validInput({ ethnicity: '汉族' }) })).createCadre;
      const updated = ok(
        await t.gql(UPDATE, {
          input: { id: created.id, name: '李雪梅', ethnicity: null, status: 'RETIRED' },
        }),
      ).updateCadre;
      expect(updated).toEqual({ ...created, name: '李雪梅', ethnicity: null, status: 'RETIRED' });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a missing cadre', { id: '00000000-0000-4000-8000-000000000000', name: 'x' }, 'NOT_FOUND', 'id'],
      ['a malformed id', { id: '123', name: 'x' }, 'BAD_USER_INPUT', 'id'],
      ['clearing a required field', { name: null }, 'BAD_USER_INPUT', 'name'],
      ['an over-long name', { name: 'x'.repeat(101) }, 'BAD_USER_INPUT', 'name'],
      ['work before birth', { workStartDate: '1900-01-02' }, 'BAD_USER_INPUT', 'workStartDate'],
    ])('rejects %s and writes nothing', async (_name, over, code, field) => {
      const c = await makeCadre(t.ds);
      expect(await rejects(UPDATE, { input: { id: c.id, ...over } })).toMatchObject({ code, field });
    });

    it('rejects taking another cadre’s externalId with CONFLICT', async () => {
      const a = await makeCadre(t.ds);
      const b = await makeCadre(t.ds);
      expect(await rejects(UPDATE, { input: { id: b.id, externalId: a.externalId } })).toMatchObject({
        code: 'CONFLICT',
        field: 'externalId',
      });
    });
  });

  describe('deleteCadre', () => {
    it('deletes the cadre and their postings, returning the id', async () => {
      const unit = await makeUnit(t.ds);
      const c = await makeCadre(t.ds);
      await makePosting(t.ds, c.id, unit.id);
      expect(ok(await t.gql(DELETE, { id: c.id })).deleteCadre).toBe(c.id);
      expect(firstError(await t.gql(GET, { id: c.id })).code).toBe('NOT_FOUND');
      expect(await t.ds.query('SELECT 1 FROM posting WHERE cadre_id = $1', [c.id])).toEqual([]);
    });

    it('lets a department delete only a cadre without history; one with any record is for an ADMIN', async () => {
      const county = await makeUnit(t.ds, { level: 'COUNTY' });
      const dept = t.token({ role: Role.ORG_DEPT, unitId: county.id });
      const mistake = await makeCadre(t.ds);
      expect(ok(await t.gql(DELETE, { id: mistake.id }, dept)).deleteCadre).toBe(mistake.id);

      // Training only: no posting, so every department may write the cadre, but none may erase the record.
      const trained = await makeCadre(t.ds);
      await t.ds.query(
        `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
         VALUES ($1, '党校培训', 'PARTY_SCHOOL', '2024-03-01', '2024-03-10', 40)`,
        [trained.id],
      );
      const posted = await makeCadre(t.ds);
      await makePosting(t.ds, posted.id, county.id);
      for (const c of [trained, posted]) {
        const before = [await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'training')];
        const res = await t.gql(DELETE, { id: c.id }, dept);
        expect(res.errors?.[0]).toMatchObject({
          message:
            '该干部已有履历（任职、培训、实绩、考核、处分、职级或人才库记录），只有系统管理员可以删除。',
          extensions: { code: 'FORBIDDEN', field: 'id', reason: 'CADRE_HAS_HISTORY' },
        });
        expect([await tableFingerprint(t.ds, 'cadre'), await tableFingerprint(t.ds, 'training')]).toEqual(
          before,
        );
      }
      // The database holds departments to the same rule.
      await expect(
        t.ds.transaction(async (em) => {
          await em.query(`SELECT set_config('cadre.actor_role', 'ORG_DEPT', true)`);
          await em.query(`DELETE FROM cadre WHERE id = $1`, [trained.id]);
        }),
      ).rejects.toMatchObject({ constraint: 'cadre_history_delete_check' });
      expect(ok(await t.gql(DELETE, { id: trained.id })).deleteCadre).toBe(trained.id);
      expect(await t.ds.query('SELECT 1 FROM training WHERE cadre_id = $1', [trained.id])).toEqual([]);
    });

    it('answers NOT_FOUND for a missing id and BAD_USER_INPUT for a malformed one', async () => {
      expect(await rejects(DELETE, { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await rejects(DELETE, { id: 'nope' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });

  describe('cadres listing', () => {
    // A fresh set of names under a prefix no other test uses, so filters see only these.
    const tag = 'Pg';
    let ids: Record<string, string>;
    let county: string;
    let township: string;
    let village: string;
    let otherCounty: string;

    beforeAll(async () => {
      const pref = await makeUnit(t.ds, { level: 'PREFECTURE', name: 'Prefecture' });
      county = (await makeUnit(t.ds, { level: 'COUNTY', parentId: pref.id })).id;
      township = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
      village = (await makeUnit(t.ds, { level: 'VILLAGE', parentId: township })).id;
      otherCounty = (await makeUnit(t.ds, { level: 'COUNTY', parentId: pref.id })).id;
      ids = {};
      // Duplicate names prove the id tie-break keeps pages stable.
      const names = [
        'Alpha',
        'alpha',
        'Bravo',
        'Bravo',
        'Charlie',
        'Delta',
        'Echo',
        'Foxtrot',
        'Golf',
        '100%_x',
      ];
      for (const [i, n] of names.entries()) {
        const c = await makeCadre(t.ds, { name: `${tag} ${n}`, status: i === 6 ? 'RETIRED' : 'ACTIVE' });
        ids[`${n}${i}`] = c.id;
      }
      await makePosting(t.ds, ids.Alpha0, township, { level: 'TOWNSHIP_CHIEF', startDate: '2020-01-01' });
      await makePosting(t.ds, ids.alpha1, village, { level: 'CLERK_1', startDate: '2020-01-01' });
      await makePosting(t.ds, ids.Bravo2, county, { level: 'COUNTY_DEPUTY', startDate: '2020-01-01' });
      // Ended before asOf: not current.
      await makePosting(t.ds, ids.Bravo3, township, {
        level: 'TOWNSHIP_CHIEF',
        startDate: '2010-01-01',
        endDate: '2019-12-31',
      });
      // Starts after asOf: not current yet.
      await makePosting(t.ds, ids.Charlie4, village, { startDate: '2027-01-01' });
      await makePosting(t.ds, ids.Delta5, otherCounty, { level: 'TOWNSHIP_CHIEF', startDate: '2020-01-01' });
      // Current only as a temporary assignment: still counts.
      await makePosting(t.ds, ids.Echo6, township, {
        kind: 'TEMPORARY_ASSIGNMENT',
        level: 'TOWNSHIP_DEPUTY',
        startDate: '2026-01-01',
        endDate: '2026-11-27',
      });
    });

    const names = async (filter: Record<string, unknown>): Promise<string[]> => {
      const res = ok(await t.gql(LIST, { filter: { asOf: '2026-11-27', ...filter }, first: 100 })).cadres;
      expect(res.totalCount).toBe(res.edges.length);
      // Sorted here so expectations do not depend on the database collation.
      return res.edges.map((e: { node: { name: string } }) => e.node.name.slice(tag.length + 1)).sort();
    };

    it('walks every page with no duplicates or gaps, ordered by name then id', async () => {
      const all = ok(await t.gql(LIST, { filter: { name: tag }, first: 100 })).cadres;
      expect(all.totalCount).toBe(10);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: any = ok(await t.gql(LIST, { filter: { name: tag }, first: 3, after })).cadres;
        expect(page.totalCount).toBe(10);
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) {
          expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
          break;
        }
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(new Set(seen).size).toBe(10);
      // The database's own collation decides the order of names; ties go by id.
      const expected = await t.ds.query(`SELECT id FROM cadre WHERE name LIKE 'Pg %' ORDER BY name, id`);
      expect(seen).toEqual(expected.map((r: { id: string }) => r.id));
    });

    it('returns an empty last page cleanly', async () => {
      const res = ok(await t.gql(LIST, { filter: { name: 'no such cadre anywhere' } })).cadres;
      expect(res).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('filters by name, case-insensitively and literally', async () => {
      expect(await names({ name: `${tag} ALPHA` })).toEqual(['Alpha', 'alpha']);
      expect(await names({ name: '0%_' })).toEqual(['100%_x']);
      expect(await names({ name: `${tag} _lpha` })).toEqual([]);
    });

    it('filters by status', async () => {
      expect(await names({ name: tag, status: 'RETIRED' })).toEqual(['Echo']);
    });

    it('filters by a unit subtree with current postings as of a date', async () => {
      expect(await names({ unitId: county })).toEqual(['Alpha', 'Bravo', 'Echo', 'alpha']);
      expect(await names({ unitId: township })).toEqual(['Alpha', 'Echo', 'alpha']);
      expect(await names({ unitId: village })).toEqual(['alpha']);
      expect(await names({ unitId: village, asOf: '2027-06-01' })).toEqual(['Charlie', 'alpha']);
      expect(await names({ unitId: township, asOf: '2015-06-01' })).toEqual(['Bravo']);
    });

    it('filters by current level, alone and with the unit on the same posting', async () => {
      expect(await names({ name: tag, currentLevel: 'TOWNSHIP_CHIEF' })).toEqual(['Alpha', 'Delta']);
      expect(await names({ unitId: county, currentLevel: 'TOWNSHIP_CHIEF' })).toEqual(['Alpha']);
      expect(await names({ unitId: county, currentLevel: 'TOWNSHIP_DEPUTY', status: 'RETIRED' })).toEqual([
        'Echo',
      ]);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a malformed unit id', { filter: { unitId: 'x' } }, 'BAD_USER_INPUT', 'filter.unitId'],
      [
        'an unknown unit',
        { filter: { unitId: '00000000-0000-4000-8000-000000000000' } },
        'NOT_FOUND',
        'filter.unitId',
      ],
      [
        'a malformed level',
        { filter: { currentLevel: 'township chief' } },
        'BAD_USER_INPUT',
        'filter.currentLevel',
      ],
      ['an over-long name', { filter: { name: 'x'.repeat(101) } }, 'BAD_USER_INPUT', 'filter.name'],
      ['a page size of 0', { first: 0 }, 'BAD_USER_INPUT', 'first'],
      ['a page size over 100', { first: 101 }, 'BAD_USER_INPUT', 'first'],
      ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT', 'after'],
      [
        'a cursor of the wrong shape',
        { after: Buffer.from('[1,2]').toString('base64url') },
        'BAD_USER_INPUT',
        'after',
      ],
    ])('rejects %s', async (_name, vars, code, field) => {
      expect(firstError(await t.gql(LIST, vars))).toMatchObject({ code, field });
    });

    it('rejects a malformed asOf at the schema', async () => {
      expect(firstError(await t.gql(LIST, { filter: { asOf: '2026-13-01' } })).code).toBe('BAD_USER_INPUT');
    });
  });
});
