import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { flagsOf } from './flags-helpers';

const FAMILY = 'id cadreId relation relationKind relatedCadreId name birthDate workUnitAndPost';
const ADD_FAMILY = `mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { ${FAMILY} } }`;
const UPDATE_FAMILY = `mutation($input: UpdateFamilyMemberInput!) { updateFamilyMember(input: $input) { ${FAMILY} } }`;
const DELETE_FAMILY = `mutation($id: ID!) { deleteFamilyMember(id: $id) }`;
const CHECK = `query($cadreId: ID!, $unitId: ID!, $title: String!, $level: String!, $asOf: Date) {
  avoidanceCheck(cadreId: $cadreId, unitId: $unitId, title: $title, level: $level, asOf: $asOf) {
    cadreId unitId title level asOf policyVersion source clear breaches { code params } } }`;

/** Fixed dates: nothing here depends on today. */
const AS_OF = '2023-01-01';

describe('family relations and avoidance (回避)', () => {
  let t: TestApp;
  let county: string; // 白马县人民政府, area 白马县
  let party: string; // 中共白马县委员会
  let township: string;
  let otherCounty: string;
  let dept: string;
  let otherDept: string;
  const cadres: Record<string, string> = {};

  async function cadre(
    key: string,
    over: { gender: string; birthDate: string; nativePlace?: string; ethnicity?: string },
  ) {
    cadres[key] = (await makeCadre(t.ds, { name: key, gender: over.gender, birthDate: over.birthDate })).id;
    await t.ds.query(`UPDATE cadre SET native_place = $2, ethnicity = $3 WHERE id = $1`, [
      cadres[key],
      over.nativePlace ?? '青河区',
      over.ethnicity ?? '汉族',
    ]);
    return cadres[key];
  }

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '白马县人民政府' })).id;
    await t.ds.query(`UPDATE unit SET area_name = '白马县' WHERE id = $1`, [county]);
    party = (
      await makeUnit(t.ds, {
        level: 'COUNTY',
        kind: 'PARTY_COMMITTEE',
        name: '中共白马县委员会',
        parentId: county,
      })
    ).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', name: '白马县龙泉镇人民政府', parentId: county }))
      .id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY', name: '雪山县人民政府' })).id;
    dept = t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'od-baima' });
    otherDept = t.token({ role: Role.ORG_DEPT, unitId: otherCounty, sub: 'od-xueshan' });

    // 副县长 王 and 副县长 李 (married; 李 joined the team in 2022); 县长 赵 and his son, 龙泉镇镇长 赵小.
    await cadre('王', { gender: 'MALE', birthDate: '1980-03-01' });
    await cadre('李', { gender: 'MALE', birthDate: '1985-05-05' });
    await cadre('赵', { gender: 'MALE', birthDate: '1968-01-01' });
    await cadre('赵小', { gender: 'MALE', birthDate: '1992-01-01' });
    await cadre('周', { gender: 'FEMALE', birthDate: '1990-06-01', ethnicity: '彝族' });
    // 县委书记 孙, a native of 白马县.
    await cadre('孙', { gender: 'MALE', birthDate: '1972-01-01', nativePlace: '云岭市白马县' });
    await makePosting(t.ds, cadres['王'], county, {
      title: '副县长',
      level: 'COUNTY_DEPUTY',
      startDate: '2020-01-01',
    });
    await makePosting(t.ds, cadres['李'], county, {
      title: '副县长',
      level: 'COUNTY_DEPUTY',
      startDate: '2022-03-01',
    });
    await makePosting(t.ds, cadres['赵'], county, {
      title: '县长',
      level: 'COUNTY_CHIEF',
      startDate: '2019-01-01',
    });
    await makePosting(t.ds, cadres['赵小'], township, {
      title: '镇长',
      level: 'TOWNSHIP_CHIEF',
      startDate: '2021-01-01',
    });
    await makePosting(t.ds, cadres['周'], township, {
      title: '副镇长',
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2021-01-01',
    });
    await makePosting(t.ds, cadres['孙'], party, {
      title: '县委书记',
      level: 'COUNTY_CHIEF',
      startDate: '2021-06-01',
    });
  });
  afterAll(() => t.close());

  const breachesOf = async (key: string, asOf = AS_OF) =>
    (await flagsOf(t, cadres[key], asOf))
      .filter((f) => f.code === 'AVOIDANCE_CONFLICT')
      .map((f) => ({ breach: f.facts.breach, severity: f.severity, ruleId: f.ruleId, message: f.message }));

  async function rejects(
    query: string,
    vars: Record<string, unknown>,
    code: string,
    field?: string,
    token?: string,
  ) {
    const before = await tableFingerprint(t.ds, 'family_member');
    const res = await t.gql(query, vars, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await tableFingerprint(t.ds, 'family_member')).toEqual(before);
    return res;
  }

  describe('family members and important social relations', () => {
    it('links a relative to their cadre record with a kind of relation; the department’s write is audited', async () => {
      const spouse = ok(
        await t.gql(
          ADD_FAMILY,
          {
            input: {
              cadreId: cadres['王'],
              relation: '妻子',
              relationKind: 'SPOUSE',
              relatedCadreId: cadres['李'],
              name: '李',
              birthDate: '1985-05-05',
              workUnitAndPost: '白马县人民政府副县长',
            },
          },
          dept,
        ),
      ).addFamilyMember;
      expect(spouse).toMatchObject({
        relationKind: 'SPOUSE',
        relatedCadreId: cadres['李'],
        relation: '妻子',
      });
      const audit = await t.ds.query(
        `SELECT action, actor_sub FROM audit_log WHERE entity = 'family_member' AND entity_id = $1`,
        [spouse.id],
      );
      expect(audit).toEqual([{ action: 'INSERT', actor_sub: 'od-baima' }]);
    });

    it('reads the kind from the 称谓 when none is given: 父亲 is PARENT, 同学 OTHER', async () => {
      const father = ok(
        await t.gql(ADD_FAMILY, {
          input: { cadreId: cadres['赵小'], relation: '父亲', relatedCadreId: cadres['赵'], name: '赵' },
        }),
      ).addFamilyMember;
      expect(father.relationKind).toBe('PARENT');
      const friend = ok(
        await t.gql(ADD_FAMILY, {
          input: { cadreId: cadres['周'], relation: '同学', relatedCadreId: cadres['赵小'], name: '赵小' },
        }),
      ).addFamilyMember;
      expect(friend.relationKind).toBe('OTHER');
    });

    it('shows the cadre their own family with the kinds, and refuses the cadre a write', async () => {
      const self = t.token({ role: Role.CADRE, cadreId: cadres['王'], sub: 'wang' });
      const me = ok(
        await t.gql(`{ me { familyMembers { relation relationKind relatedCadreId } } }`, {}, self),
      ).me;
      expect(me.familyMembers).toEqual([
        { relation: '妻子', relationKind: 'SPOUSE', relatedCadreId: cadres['李'] },
      ]);
      await rejects(
        ADD_FAMILY,
        { input: { cadreId: cadres['王'], relation: '父亲', name: '王父' } },
        'FORBIDDEN',
        undefined,
        self,
      );
    });

    it('rejects bad input and writes nothing', async () => {
      const base = { cadreId: cadres['周'], relation: '丈夫', name: '某' };
      await rejects(
        ADD_FAMILY,
        { input: { ...base, relatedCadreId: '00000000-0000-4000-8000-000000000000' } },
        'NOT_FOUND',
        'relatedCadreId',
      );
      await rejects(
        ADD_FAMILY,
        { input: { ...base, relatedCadreId: cadres['周'] } },
        'BAD_USER_INPUT',
        'relatedCadreId',
      );
      await rejects(
        ADD_FAMILY,
        { input: { ...base, relatedCadreId: cadres['赵小'] } },
        'CONFLICT',
        'relatedCadreId',
      );
      const unknownKind = await rejects(
        ADD_FAMILY,
        { input: { ...base, relationKind: 'FRIEND' } },
        'BAD_USER_INPUT',
      );
      expect(unknownKind.errors?.[0].message).toContain('RelationKind');
      await rejects(
        ADD_FAMILY,
        { input: { ...base, relatedCadreId: 'nope' } },
        'BAD_USER_INPUT',
        'relatedCadreId',
      );
      await rejects(ADD_FAMILY, { input: base }, 'FORBIDDEN', undefined, otherDept);
    });

    it('corrects the kind, and unlinks the relative by null', async () => {
      const row = ok(
        await t.gql(ADD_FAMILY, {
          input: { cadreId: cadres['周'], relation: '表哥', name: '孙', relatedCadreId: cadres['孙'] },
        }),
      ).addFamilyMember;
      expect(row.relationKind).toBe('OTHER');
      const fixed = ok(
        await t.gql(UPDATE_FAMILY, { input: { id: row.id, relationKind: 'COUSIN' } }),
      ).updateFamilyMember;
      expect(fixed).toMatchObject({ relationKind: 'COUSIN', relatedCadreId: cadres['孙'] });
      const unlinked = ok(
        await t.gql(UPDATE_FAMILY, { input: { id: row.id, relatedCadreId: null } }),
      ).updateFamilyMember;
      expect(unlinked.relatedCadreId).toBeNull();
      await rejects(
        UPDATE_FAMILY,
        { input: { id: row.id, relationKind: null } },
        'BAD_USER_INPUT',
        'relationKind',
      );
      ok(await t.gql(DELETE_FAMILY, { id: row.id }));
    });
  });

  describe('AVOIDANCE_CONFLICT', () => {
    it('flags both spouses in one leadership team from the day the second joined, not before', async () => {
      for (const key of ['王', '李']) {
        expect(await breachesOf(key)).toEqual([
          {
            breach: 'RELATIVE_SAME_TEAM',
            severity: 'CRITICAL',
            ruleId: 'AVOIDANCE',
            message: expect.stringContaining('回避：与近亲属') as unknown,
          },
        ]);
        expect(await breachesOf(key, '2022-02-28')).toEqual([]);
      }
      const [flag] = (await flagsOf(t, cadres['王'], AS_OF)).filter((f) => f.code === 'AVOIDANCE_CONFLICT');
      expect(flag.facts).toMatchObject({
        relativeCadreId: cadres['李'],
        relationKind: 'SPOUSE',
        unitId: county,
        since: '2022-03-01',
      });
      expect(flag.source).toContain('公务员法 (2018) arts. 74–76');
    });

    it('flags a father and son in a direct reporting line (county head, township head under him)', async () => {
      expect((await breachesOf('赵小')).map((b) => b.breach)).toEqual(['RELATIVE_REPORTING_LINE']);
      expect((await breachesOf('赵')).map((b) => b.breach)).toEqual(['RELATIVE_REPORTING_LINE']);
    });

    it('does not flag an important social relation that is not a close relative', async () => {
      expect(await breachesOf('周')).toEqual([]);
    });

    it('flags a county Party secretary posted in the county of their native place', async () => {
      const [flag] = (await flagsOf(t, cadres['孙'], AS_OF)).filter((f) => f.code === 'AVOIDANCE_CONFLICT');
      expect(flag.facts).toMatchObject({
        breach: 'HOME_AREA',
        post: 'PARTY_SECRETARY',
        areaUnitId: county,
        areaName: '白马县',
        matchedOn: 'nativePlace',
      });
      expect(flag.message).toContain('白马县');
    });

    it('drops the flag when the relation is removed, and raises it again when it is recorded', async () => {
      const [link] = await t.ds.query(
        `SELECT id FROM family_member WHERE cadre_id = $1 AND related_cadre_id = $2`,
        [cadres['赵小'], cadres['赵']],
      );
      ok(await t.gql(DELETE_FAMILY, { id: link.id }));
      expect(await breachesOf('赵小')).toEqual([]);
      expect(await breachesOf('赵')).toEqual([]);
      // Recorded from the father's side this time: the link is read both ways.
      ok(
        await t.gql(ADD_FAMILY, {
          input: { cadreId: cadres['赵'], relation: '儿子', relatedCadreId: cadres['赵小'], name: '赵小' },
        }),
      );
      expect((await breachesOf('赵小')).map((b) => b.breach)).toEqual(['RELATIVE_REPORTING_LINE']);
    });
  });

  describe('avoidanceCheck', () => {
    const check = (vars: Record<string, unknown>, token?: string) =>
      t.gql(CHECK, { asOf: AS_OF, ...vars }, token);

    it('finds a home-area breach for a proposed county head from the county, and none for a deputy', async () => {
      const res = ok(
        await check({ cadreId: cadres['孙'], unitId: county, title: '县长', level: 'COUNTY_CHIEF' }, dept),
      ).avoidanceCheck;
      expect(res).toMatchObject({ clear: false, policyVersion: 1, asOf: AS_OF });
      expect(res.breaches).toEqual([
        {
          code: 'HOME_AREA',
          params: expect.objectContaining({
            post: 'GOVERNMENT_HEAD',
            areaName: '白马县',
            title: '县长',
          }) as unknown,
        },
      ]);
      const deputy = ok(
        await check({ cadreId: cadres['孙'], unitId: county, title: '副县长', level: 'COUNTY_DEPUTY' }, dept),
      ).avoidanceCheck;
      expect(deputy).toMatchObject({ clear: true, breaches: [] });
    });

    it('finds a relative already in the team the cadre would join', async () => {
      const res = ok(
        await check({ cadreId: cadres['赵小'], unitId: county, title: '副县长', level: 'COUNTY_DEPUTY' }),
      ).avoidanceCheck;
      expect(res.breaches).toEqual([
        {
          code: 'RELATIVE_SAME_TEAM',
          params: expect.objectContaining({
            relativeCadreId: cadres['赵'],
            relativeTitle: '县长',
          }) as unknown,
        },
      ]);
    });

    it('rejects unknown cadres, units and levels, and callers outside the jurisdiction', async () => {
      const good = { cadreId: cadres['孙'], unitId: county, title: '县长', level: 'COUNTY_CHIEF' };
      const none = '00000000-0000-4000-8000-000000000000';
      const errorOf = async (vars: Record<string, unknown>, token?: string) =>
        (await check(vars, token)).errors?.[0].extensions;
      expect(await errorOf({ ...good, cadreId: none })).toMatchObject({
        code: 'NOT_FOUND',
        field: 'cadreId',
      });
      expect(await errorOf({ ...good, unitId: none })).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
      expect(await errorOf({ ...good, level: 'MAYOR' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'level',
      });
      expect(await errorOf({ ...good, title: ' ' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'title',
      });
      expect(await errorOf(good, otherDept)).toMatchObject({ code: 'FORBIDDEN' });
      const self = t.token({ role: Role.CADRE, cadreId: cadres['孙'], sub: 'sun' });
      expect(await errorOf(good, self)).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
