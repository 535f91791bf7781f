import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, tableFingerprint } from '../factories';

const IMPACT = 'indicator baseline result unit betterWhen improvementPercent';
const FIELDS = `id cadreId title description achievedOn domain recognitionLevel verificationStatus
  verifiedBy verifiedAt verificationNote impacts { ${IMPACT} }`;
const RECORD = `mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAchievementInput!) { updateAchievement(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAchievement(id: $id) }`;
const VERIFY = `mutation($id: ID!, $decision: VerificationDecision!, $note: String) {
  verifyAchievement(id: $id, decision: $decision, note: $note) { ${FIELDS} } }`;

const E_BIKES = { indicator: '非高峰电动车驶入机动车道比例', baseline: 38.5, result: 4.7, unit: '%' };

describe('achievements', () => {
  let t: TestApp;
  let cadreId: string;
  const valid = () => ({
    cadreId,
    title: '道路车道重新设计',
    description: '实测并重新划分车道',
    achievedOn: '2025-10-15',
    domain: 'TRANSPORT',
    recognitionLevel: 'UNIT',
    impacts: [E_BIKES],
  });
  const record = async (over: Record<string, unknown> = {}) =>
    ok(await t.gql(RECORD, { input: { ...valid(), ...over } })).recordAchievement;

  beforeAll(async () => {
    t = await createTestApp();
    cadreId = (await makeCadre(t.ds)).id;
  });
  afterAll(() => t.close());

  const snapshot = async () => [
    await tableFingerprint(t.ds, 'achievement'),
    await tableFingerprint(t.ds, 'achievement_impact'),
  ];

  /** Sends a request that must fail with code and field, and proves neither table changed. */
  async function rejects(
    query: string,
    vars: Record<string, unknown>,
    code: string,
    field?: string,
    token?: string,
  ) {
    const before = await snapshot();
    const res = await t.gql(query, vars, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await snapshot()).toEqual(before);
    return res;
  }

  describe('specialtyDomains', () => {
    it('lists the seeded taxonomy by code, readable by a cadre too', async () => {
      const res = ok(
        await t.gql(
          `{ specialtyDomains { code nameZh nameEn } }`,
          {},
          t.token({ role: Role.CADRE, cadreId }),
        ),
      );
      expect(res.specialtyDomains).toHaveLength(17);
      expect(res.specialtyDomains[0].code).toBe('AGRICULTURE_MARKETING');
      expect(res.specialtyDomains).toContainEqual({
        code: 'CULTURAL_TOURISM',
        nameZh: '文化旅游',
        nameEn: 'Culture and tourism',
      });
    });
  });

  describe('recordAchievement', () => {
    it('records a CLAIMED achievement, inferring LOWER for a fall and computing the improvement', async () => {
      const a = await record();
      expect(a).toEqual({
        id: expect.any(String),
        ...valid(),
        verificationStatus: 'CLAIMED',
        verifiedBy: null,
        verifiedAt: null,
        verificationNote: null,
        impacts: [{ ...E_BIKES, betterWhen: 'LOWER', improvementPercent: 87.8 }],
      });
    });

    it('keeps impacts in the order given, inferring HIGHER for a rise and honouring an explicit direction', async () => {
      const a = await record({
        domain: 'CULTURAL_TOURISM',
        recognitionLevel: 'PROVINCE',
        impacts: [
          { indicator: '年游客量', baseline: 180000, result: 410000, unit: '人次' },
          { indicator: '投诉数', baseline: 40, result: 50, unit: '件', betterWhen: 'LOWER' },
          { indicator: '出行时间', baseline: 45, result: 25, unit: '分钟', betterWhen: null },
        ],
      });
      expect(a.impacts.map((i: { betterWhen: string; improvementPercent: number }) => i)).toEqual([
        expect.objectContaining({ betterWhen: 'HIGHER', improvementPercent: 127.8 }),
        expect.objectContaining({ betterWhen: 'LOWER', improvementPercent: -25 }),
        expect.objectContaining({ betterWhen: 'LOWER', improvementPercent: 44.4 }),
      ]);
    });

    it('records an achievement without measured impact or description', async () => {
      const a = await record({ impacts: undefined, description: undefined, domain: 'AGRICULTURE_MARKETING' });
      expect(a).toMatchObject({ impacts: [], description: null, domain: 'AGRICULTURE_MARKETING' });
    });

    it("shows on the cadre, batched, via the achievement's cadre", async () => {
      const c = (await makeCadre(t.ds)).id;
      const first = await record({ cadreId: c, achievedOn: '2024-01-01', impacts: [] });
      const second = await record({ cadreId: c, achievedOn: '2023-01-01' });
      t.queries.reset();
      const res = ok(
        await t.gql(
          `query($a: ID!, $b: ID!) {
            a: achievement(id: $a) { cadre { id achievements { id impacts { improvementPercent } } } }
            b: achievement(id: $b) { cadre { achievements { id } } }
          }`,
          { a: first.id, b: second.id },
        ),
      );
      expect(res.a.cadre).toEqual({
        id: c,
        achievements: [
          { id: second.id, impacts: [{ improvementPercent: 87.8 }] },
          { id: first.id, impacts: [] },
        ],
      });
      expect(res.b.cadre.achievements.map((x: { id: string }) => x.id)).toEqual([second.id, first.id]);
      // two lookups by id, then one batched cadre load and one batched achievements load
      expect(t.queries.count).toBeLessThanOrEqual(6);
    });
  });

  describe('Cadre fields', () => {
    it('shows on cadre(id) as Cadre.achievements, with impacts', async () => {
      const c = (await makeCadre(t.ds)).id;
      const a = await record({ cadreId: c });
      const res = ok(
        await t.gql(`query($id: ID!) { cadre(id: $id) { achievements { ${FIELDS} } } }`, { id: c }),
      );
      expect(res.cadre.achievements).toEqual([a]);
    });

    it('loads trainings, achievements and appraisals for a page of cadres in a fixed number of statements', async () => {
      const PAGE = `query($name: String!) { cadres(first: 20, filter: { name: $name }) { edges { node {
        id trainings { id } achievements { id impacts { improvementPercent } } appraisals { year } } } } }`;
      const seed = async (name: string) => {
        const c = (await makeCadre(t.ds, { name })).id;
        await record({ cadreId: c });
        await t.ds.query(
          `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
           VALUES ($1, 'course', 'ONLINE', '2026-01-05', '2026-01-06', 12)`,
          [c],
        );
        await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2025, 'EXCELLENT')`, [c]);
      };
      const run = async (name: string, expected: number) => {
        t.queries.reset();
        const res = ok(await t.gql(PAGE, { name }));
        expect(res.cadres.edges).toHaveLength(expected);
        for (const { node } of res.cadres.edges) {
          expect(node).toMatchObject({ trainings: [{}], appraisals: [{ year: 2025 }] });
          expect(node.achievements[0].impacts).toEqual([{ improvementPercent: 87.8 }]);
        }
        return t.queries.count;
      };
      for (let n = 0; n < 2; n += 1) await seed(`批量甲${n}`);
      for (let n = 0; n < 6; n += 1) await seed(`批量乙${n}`);
      expect(await run('批量乙', 6)).toBe(await run('批量甲', 2));
    });
  });

  describe('verifyAchievement', () => {
    it("verifies a claim, recording the decider's token subject and the time", async () => {
      const a = await record();
      const v = ok(
        await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED', note: '经组织部核实' }),
      ).verifyAchievement;
      expect(v).toMatchObject({
        verificationStatus: 'VERIFIED',
        verifiedBy: 'test-admin',
        verificationNote: '经组织部核实',
      });
      expect(new Date(v.verifiedAt).toISOString()).toBe(v.verifiedAt);
    });

    it('lets an organisation department reject a claim', async () => {
      const a = await record();
      const token = t.token({ role: Role.ORG_DEPT, sub: 'org-clerk-7', unitId: randomUUID() });
      const v = ok(await t.gql(VERIFY, { id: a.id, decision: 'REJECTED' }, token)).verifyAchievement;
      expect(v).toMatchObject({
        verificationStatus: 'REJECTED',
        verifiedBy: 'org-clerk-7',
        verificationNote: null,
      });
      expect(v.verifiedAt).toEqual(expect.any(String));
    });

    it('refuses to decide twice: CONFLICT, nothing written', async () => {
      const a = await record();
      ok(await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED' }));
      await rejects(VERIFY, { id: a.id, decision: 'VERIFIED' }, 'CONFLICT', 'id');
      await rejects(VERIFY, { id: a.id, decision: 'REJECTED', note: 'changed my mind' }, 'CONFLICT', 'id');
    });

    it('rejects an unknown or malformed id, an unknown decision and an over-long note', async () => {
      const a = await record();
      await rejects(VERIFY, { id: randomUUID(), decision: 'VERIFIED' }, 'NOT_FOUND', 'id');
      await rejects(VERIFY, { id: 'abc', decision: 'VERIFIED' }, 'BAD_USER_INPUT', 'id');
      await rejects(VERIFY, { id: a.id, decision: 'CLAIMED' }, 'BAD_USER_INPUT');
      await rejects(
        VERIFY,
        { id: a.id, decision: 'VERIFIED', note: 'n'.repeat(2001) },
        'BAD_USER_INPUT',
        'note',
      );
    });

    it('refuses a cadre token', async () => {
      const a = await record();
      await rejects(
        VERIFY,
        { id: a.id, decision: 'VERIFIED' },
        'FORBIDDEN',
        undefined,
        t.token({ role: Role.CADRE, cadreId }),
      );
    });
  });

  describe('updateAchievement', () => {
    it('changes only the fields given on a claim, keeping it CLAIMED', async () => {
      const a = await record();
      const u = ok(
        await t.gql(UPDATE, { input: { id: a.id, title: '新标题', description: null } }),
      ).updateAchievement;
      expect(u).toEqual({ ...a, title: '新标题', description: null });
    });

    it('sends a verified achievement back to CLAIMED when its substance changes', async () => {
      const a = await record();
      ok(await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED', note: 'ok' }));
      const u = ok(
        await t.gql(UPDATE, { input: { id: a.id, recognitionLevel: 'COUNTY' } }),
      ).updateAchievement;
      expect(u).toEqual({ ...a, recognitionLevel: 'COUNTY' });
      expect(u.verificationStatus).toBe('CLAIMED');
      // and it can then be decided again
      ok(await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED' }));
    });

    it('leaves a verified achievement verified when nothing actually changes', async () => {
      const a = await record();
      const v = ok(await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED' })).verifyAchievement;
      const u = ok(
        await t.gql(UPDATE, { input: { id: a.id, title: a.title, domain: a.domain, impacts: [E_BIKES] } }),
      ).updateAchievement;
      expect(u).toEqual(v);
    });

    it('replaces the impacts, resetting a rejected achievement, and [] removes them', async () => {
      const a = await record();
      ok(await t.gql(VERIFY, { id: a.id, decision: 'REJECTED' }));
      const next = [
        { indicator: '通行时间', baseline: 30, result: 10, unit: '分钟' },
        { ...E_BIKES, result: 5 },
      ];
      const u = ok(await t.gql(UPDATE, { input: { id: a.id, impacts: next } })).updateAchievement;
      expect(u.verificationStatus).toBe('CLAIMED');
      expect(u.verifiedBy).toBeNull();
      expect(u.impacts).toEqual([
        { ...next[0], betterWhen: 'LOWER', improvementPercent: 66.7 },
        { ...next[1], betterWhen: 'LOWER', improvementPercent: 87 },
      ]);
      const cleared = ok(await t.gql(UPDATE, { input: { id: a.id, impacts: [] } })).updateAchievement;
      expect(cleared.impacts).toEqual([]);
      const [{ n }] = await t.ds.query(
        'SELECT count(*)::int AS n FROM achievement_impact WHERE achievement_id = $1',
        [a.id],
      );
      expect(n).toBe(0);
    });

    it.each([
      ['an unknown domain', { domain: 'NOT_A_DOMAIN' }, 'BAD_USER_INPUT', 'domain'],
      ['a malformed domain', { domain: 'tourism' }, 'BAD_USER_INPUT', 'domain'],
      ['a null title', { title: null }, 'BAD_USER_INPUT', 'title'],
      ['a null achievedOn', { achievedOn: null }, 'BAD_USER_INPUT', 'achievedOn'],
      ['null impacts', { impacts: null }, 'BAD_USER_INPUT', 'impacts'],
      ['a zero baseline', { impacts: [{ ...E_BIKES, baseline: 0 }] }, 'BAD_USER_INPUT', 'impacts.0.baseline'],
      ['an over-long description', { description: 'd'.repeat(4001) }, 'BAD_USER_INPUT', 'description'],
    ])('rejects %s and writes nothing', async (_name, over, code, field) => {
      const a = await record();
      ok(await t.gql(VERIFY, { id: a.id, decision: 'VERIFIED' }));
      await rejects(UPDATE, { input: { id: a.id, ...over } }, code, field);
    });

    it('rejects an unknown or malformed id', async () => {
      await rejects(UPDATE, { input: { id: randomUUID(), title: 'x' } }, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { input: { id: 'zzz', title: 'x' } }, 'BAD_USER_INPUT', 'id');
    });
  });

  describe('deleteAchievement', () => {
    it('deletes an achievement with its impacts', async () => {
      const a = await record();
      expect(ok(await t.gql(DELETE, { id: a.id })).deleteAchievement).toBe(a.id);
      const [{ n }] = await t.ds.query(
        'SELECT count(*)::int AS n FROM achievement_impact WHERE achievement_id = $1',
        [a.id],
      );
      expect(n).toBe(0);
      await rejects(DELETE, { id: a.id }, 'NOT_FOUND', 'id');
      await rejects(DELETE, { id: 'nope' }, 'BAD_USER_INPUT', 'id');
    });
  });

  describe('recordAchievement rejects bad input and writes nothing', () => {
    const impact = (over: Record<string, unknown>) => ({ impacts: [E_BIKES, { ...E_BIKES, ...over }] });
    it.each([
      ['an unknown domain', { domain: 'SPACE_TRAVEL' }, 'BAD_USER_INPUT', 'domain'],
      ['a malformed domain', { domain: 'culture & tourism' }, 'BAD_USER_INPUT', 'domain'],
      ['an unknown cadre', { cadreId: randomUUID() }, 'NOT_FOUND', 'cadreId'],
      ['a malformed cadre id', { cadreId: '1' }, 'BAD_USER_INPUT', 'cadreId'],
      ['a blank title', { title: ' \t ' }, 'BAD_USER_INPUT', 'title'],
      ['an over-long title', { title: 't'.repeat(201) }, 'BAD_USER_INPUT', 'title'],
      ['an over-long description', { description: 'd'.repeat(4001) }, 'BAD_USER_INPUT', 'description'],
      ['an impossible date', { achievedOn: '2025-13-01' }, 'BAD_USER_INPUT', undefined],
      ['an unknown recognition level', { recognitionLevel: 'GALAXY' }, 'BAD_USER_INPUT', undefined],
      ['a zero baseline', impact({ baseline: 0 }), 'BAD_USER_INPUT', 'impacts.1.baseline'],
      ['a blank indicator', impact({ indicator: '' }), 'BAD_USER_INPUT', 'impacts.1.indicator'],
      [
        'an over-long indicator',
        impact({ indicator: 'i'.repeat(201) }),
        'BAD_USER_INPUT',
        'impacts.1.indicator',
      ],
      ['an over-long unit', impact({ unit: 'u'.repeat(33) }), 'BAD_USER_INPUT', 'impacts.1.unit'],
      ['a blank unit', impact({ unit: ' ' }), 'BAD_USER_INPUT', 'impacts.1.unit'],
      ['an unknown direction', impact({ betterWhen: 'SIDEWAYS' }), 'BAD_USER_INPUT', undefined],
      [
        'too many impacts',
        { impacts: Array.from({ length: 21 }, () => E_BIKES) },
        'BAD_USER_INPUT',
        'impacts',
      ],
    ])('%s', async (_name, over, code, field) => {
      await rejects(RECORD, { input: { ...valid(), ...over } }, code, field);
    });

    it('a number too large to be finite', async () => {
      await rejects(
        `mutation($c: ID!) { recordAchievement(input: { cadreId: $c, title: "x", achievedOn: "2025-01-01",
          domain: "TRANSPORT", recognitionLevel: UNIT,
          impacts: [{ indicator: "i", baseline: 1, result: 1e400, unit: "%" }] }) { id } }`,
        { c: cadreId },
        'BAD_USER_INPUT',
      );
    });

    it("a cadre token for another cadre's record", async () => {
      await rejects(
        RECORD,
        { input: valid() },
        'FORBIDDEN',
        undefined,
        t.token({ role: Role.CADRE, cadreId: '00000000-0000-4000-8000-000000000000' }),
      );
    });
  });
});
