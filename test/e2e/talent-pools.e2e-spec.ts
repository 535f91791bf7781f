import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { rankingFixture, RankingFixture, townshipChief } from './candidates-fixture';
import { makeTraining } from './flags-helpers';

const AS_OF = '2026-11-27';

const MEMBER = `cadreId note addedBy
  snapshot { asOf policyVersion score readiness eligibleFrom reasons blockers scoreBreakdown { factor value contribution } }
  live { score readiness eligibleFrom reasons }
  decisions { decision effectiveDate postingId note decidedBy }`;

interface Member {
  cadreId: string;
  note: string | null;
  addedBy: string;
  snapshot: {
    asOf: string;
    policyVersion: number;
    score: number;
    readiness: string | null;
    eligibleFrom: string | null;
    reasons: string[];
    blockers: string[];
    scoreBreakdown: { factor: string; value: number; contribution: number }[];
  };
  live: { score: number; readiness: string; eligibleFrom: string | null; reasons: string[] } | null;
  decisions: {
    decision: string;
    effectiveDate: string;
    postingId: string | null;
    note: string | null;
    decidedBy: string;
  }[];
}

describe('talent pools', () => {
  let t: TestApp;
  let f: RankingFixture;
  let dept: string;
  let poolId: string;

  const gql = <T>(q: string, v: Record<string, unknown>, tok = dept) => t.gql<T>(q, v, tok);
  const add = (cadreId: string, note?: string, asOf = AS_OF) =>
    gql<{ addToPool: Member }>(`mutation($i: AddToPoolInput!) { addToPool(input: $i) { ${MEMBER} } }`, {
      i: { poolId, cadreId, note, asOf },
    });
  const decide = (i: Record<string, unknown>, tok = dept) =>
    gql<{ recordDecision: { decision: string; postingId: string | null } }>(
      `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision postingId effectiveDate } }`,
      { i: { poolId, ...i } },
      tok,
    );
  const members = async (asOf: string): Promise<Member[]> =>
    ok(
      await gql<{ talentPool: { members: Member[] } }>(
        `query($id: ID!, $asOf: Date) { talentPool(id: $id) { members(asOf: $asOf) { ${MEMBER} } } }`,
        { id: poolId, asOf },
      ),
    ).talentPool.members;
  const code = (res: GqlResult) => res.errors?.[0]?.extensions.code;

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    dept = t.token({ role: Role.ORG_DEPT, unitId: f.countyA, sub: 'od-county-a' });
    const res = ok(
      await gql<{
        createTalentPool: { id: string; targetLevel: string; memberCount: number; unit: { id: string } };
      }>(
        `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id targetLevel memberCount unit { id } } }`,
        { i: { name: 'A县 2027 副县级后备干部', targetLevel: 'COUNTY_DEPUTY', unitId: f.countyA } },
      ),
    );
    expect(res.createTalentPool).toMatchObject({
      targetLevel: 'COUNTY_DEPUTY',
      memberCount: 0,
      unit: { id: f.countyA },
    });
    poolId = res.createTalentPool.id;
  });
  afterAll(() => t.close());

  it('keeps the candidate snapshot of the day a member is added', async () => {
    const ann = ok(await add(f.ids.ann, '乡镇治理实绩突出')).addToPool;
    expect(ann.snapshot).toMatchObject({
      asOf: AS_OF,
      policyVersion: 1,
      score: 0.83,
      readiness: 'READY_NOW',
      eligibleFrom: '2019-12-01',
      blockers: ['PROMO_TRAINING'], // soft: shown, not a bar (no induction training in the fixture)
    });
    expect(ann.snapshot.reasons[0]).toBe('符合晋升县处级副职的全部条件（自 2019-12-01 起）。');
    expect(ann).toMatchObject({ note: '乡镇治理实绩突出', addedBy: 'od-county-a' });
    const fay = ok(await add(f.ids.fay)).addToPool;
    expect(fay.snapshot).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2027-06-01',
      blockers: ['PROMO_TIME_IN_LEVEL', 'PROMO_TRAINING'],
    });
  });

  it('refuses a second add, a cadre outside the jurisdiction and one not one step below the level', async () => {
    expect(code(await add(f.ids.ann))).toBe('CONFLICT');
    expect(code(await add(f.ids.eve))).toBe('FORBIDDEN');
    const ivy = await add(f.ids.ivy);
    expect(ivy.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cadreId' });
  });

  it('shows each snapshot beside the live status, which follows the records and the date', async () => {
    await makeTraining(t.ds, f.ids.ann, { startDate: '2026-09-01', endDate: '2026-09-20', classHours: 275 });
    const now = await members(AS_OF);
    const ann = now.find((m) => m.cadreId === f.ids.ann);
    // 550 hours now: training 0.5 → 1 adds 0.05.
    expect([ann?.snapshot.score, ann?.live?.score]).toEqual([0.83, 0.88]);
    const later = await members('2027-07-01');
    const fay = later.find((m) => m.cadreId === f.ids.fay);
    expect(fay?.snapshot.readiness).toBe('READY_SOON');
    expect(fay?.live).toMatchObject({ readiness: 'READY_NOW', eligibleFrom: '2027-06-01' });
  });

  it('a PROMOTED decision ends the current posting the day before and records the new one, atomically', async () => {
    const outside = await decide({
      cadreId: f.ids.ann,
      decision: 'PROMOTED',
      effectiveDate: '2027-01-01',
      newPosting: { unitId: f.countyB, title: '副县长' },
    });
    expect(code(outside)).toBe('FORBIDDEN');
    // Ends the deputy post on 2016-05-31, then the new post overlaps the chief post: all of it rolls back.
    const clash = await decide({
      cadreId: f.ids.ann,
      decision: 'PROMOTED',
      effectiveDate: '2016-06-01',
      newPosting: { unitId: f.countyA, title: '副县长' },
    });
    expect(code(clash)).toBe('CONFLICT');
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM talent_pool_decision`);
    expect(before[0].n).toBe(0);

    const res = ok(
      await decide({
        cadreId: f.ids.ann,
        decision: 'PROMOTED',
        note: '县委常委会研究决定',
        effectiveDate: '2027-01-01',
        newPosting: { unitId: f.countyA, title: '副县长' },
      }),
    ).recordDecision;
    expect(res.decision).toBe('PROMOTED');
    const postings: { id: string; level: string; start_date: string; end_date: string | null }[] =
      await t.ds.query(
        `SELECT id, level, start_date, end_date FROM posting WHERE cadre_id = $1 AND kind = 'REGULAR' ORDER BY start_date`,
        [f.ids.ann],
      );
    expect(postings.map((p) => [p.level, p.start_date, p.end_date])).toEqual([
      ['TOWNSHIP_DEPUTY', '2012-12-01', '2016-11-30'],
      ['TOWNSHIP_CHIEF', '2016-12-01', '2026-12-31'],
      ['COUNTY_DEPUTY', '2027-01-01', null],
    ]);
    expect(res.postingId).toBe(postings[2].id);
    const audit: { entity: string; action: string; actor_sub: string }[] = await t.ds.query(
      `SELECT entity, action, actor_sub FROM audit_log WHERE entity IN ('posting', 'talent_pool_decision')
        AND (after ->> 'cadre_id')::uuid = $1 AND action <> 'READ' AND actor_sub IS NOT NULL ORDER BY id`,
      [f.ids.ann],
    );
    expect(audit.map((a) => [a.entity, a.action, a.actor_sub])).toEqual([
      ['posting', 'UPDATE', 'od-county-a'],
      ['posting', 'INSERT', 'od-county-a'],
      ['talent_pool_decision', 'INSERT', 'od-county-a'],
    ]);
    // Promoted: no longer one step below COUNTY_DEPUTY; the snapshot stays.
    const after = (await members('2027-02-01')).find((m) => m.cadreId === f.ids.ann);
    expect(after?.live).toBeNull();
    expect(after?.snapshot.score).toBe(0.83);
    expect(after?.decisions).toEqual([
      {
        decision: 'PROMOTED',
        effectiveDate: '2027-01-01',
        postingId: postings[2].id,
        note: '县委常委会研究决定',
        decidedBy: 'od-county-a',
      },
    ]);
  });

  it('other decisions are recorded without postings; newPosting belongs to PROMOTED only', async () => {
    const wrong = await decide({
      cadreId: f.ids.fay,
      decision: 'DEFERRED',
      effectiveDate: '2027-01-01',
      newPosting: { unitId: f.countyA, title: '副县长' },
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPosting' });
    const deferred = ok(
      await decide({ cadreId: f.ids.fay, decision: 'DEFERRED', effectiveDate: '2026-12-01' }),
    );
    expect(deferred.recordDecision).toMatchObject({ decision: 'DEFERRED', postingId: null });
    expect(code(await decide({ cadreId: f.ids.bo, decision: 'DECLINED', effectiveDate: '2026-12-01' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('removing a member keeps its decisions', async () => {
    const res = ok(
      await gql<{ removeFromPool: string }>(
        `mutation($p: ID!, $c: ID!) { removeFromPool(poolId: $p, cadreId: $c) }`,
        {
          p: poolId,
          c: f.ids.fay,
        },
      ),
    );
    expect(res.removeFromPool).toBe(f.ids.fay);
    expect((await members(AS_OF)).map((m) => m.cadreId)).toEqual([f.ids.ann]);
    const kept = await t.ds.query(`SELECT decision FROM talent_pool_decision WHERE cadre_id = $1`, [
      f.ids.fay,
    ]);
    expect(kept).toEqual([{ decision: 'DEFERRED' }]);
  });

  it('pools are seen only within the jurisdiction', async () => {
    const list = `{ talentPools { totalCount edges { node { id name memberCount } } } }`;
    const mine = ok(
      await gql<{ talentPools: { totalCount: number; edges: { node: { id: string } }[] } }>(list, {}),
    );
    expect(mine.talentPools.edges.map((e) => e.node.id)).toEqual([poolId]);
    const other = t.token({ role: Role.ORG_DEPT, unitId: f.countyB, sub: 'od-county-b' });
    expect(
      ok(await t.gql<{ talentPools: { totalCount: number } }>(list, {}, other)).talentPools.totalCount,
    ).toBe(0);
    const res = await t.gql(`query($id: ID!) { talentPool(id: $id) { id } }`, { id: poolId }, other);
    expect(code(res)).toBe('FORBIDDEN');
    const city = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
    expect(
      ok(await t.gql<{ talentPools: { totalCount: number } }>(list, {}, city)).talentPools.totalCount,
    ).toBe(1);
  });

  it('createTalentPool, addToPool and recordDecision retried with their idempotencyKey write once', async () => {
    const create = () =>
      gql<{ createTalentPool: { id: string } }>(
        `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
        { i: { name: '重试', targetLevel: 'COUNTY_DEPUTY', unitId: f.countyA, idempotencyKey: 'pool-1' } },
      );
    const pool = ok(await create()).createTalentPool.id;
    expect(ok(await create()).createTalentPool.id).toBe(pool);
    const addAnn = () =>
      gql<{ addToPool: Member }>(`mutation($i: AddToPoolInput!) { addToPool(input: $i) { ${MEMBER} } }`, {
        i: { poolId: pool, cadreId: f.ids.ann, asOf: AS_OF, idempotencyKey: 'add-1' },
      });
    const added = ok(await addAnn()).addToPool;
    expect(ok(await addAnn()).addToPool).toEqual(added);
    const decideAnn = () =>
      gql<{ recordDecision: { id: string } }>(
        `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`,
        {
          i: {
            poolId: pool,
            cadreId: f.ids.ann,
            decision: 'DEFERRED',
            effectiveDate: '2026-12-01',
            idempotencyKey: 'decide-1',
          },
        },
      );
    const decided = ok(await decideAnn()).recordDecision.id;
    expect(ok(await decideAnn()).recordDecision.id).toBe(decided);
    const [counts] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM talent_pool WHERE name = '重试') AS pools,
              (SELECT count(*)::int FROM talent_pool_member WHERE pool_id = $1) AS members,
              (SELECT count(*)::int FROM talent_pool_decision WHERE pool_id = $1) AS decisions`,
      [pool],
    );
    expect(counts).toEqual({ pools: 1, members: 1, decisions: 1 });
  });
});

describe('talent pools: members outside the reader’s jurisdiction', () => {
  let t: TestApp;
  let f: RankingFixture;
  let yan: { id: string; externalId: string };
  let poolId: string;
  const SECRET = ['远山', 'YAN-B-0001', '市里推荐', '市委组织部意见'];
  const FULL = `memberCount members(asOf: "${AS_OF}") { cadreId hidden note addedBy addedAt
    cadre { id name externalId postings { id } } ${MEMBER.replace(/^cadreId note addedBy/, '')} }`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    // A township chief of county B only: county A's department may not read her.
    const id = await townshipChief(t.ds, {
      name: '远山',
      deputyUnit: f.b1,
      chiefUnit: f.b1,
      deputyFrom: '2012-12-01',
      chiefFrom: '2016-12-01',
    });
    await t.ds.query(`UPDATE cadre SET external_id = 'YAN-B-0001' WHERE id = $1`, [id]);
    yan = { id, externalId: 'YAN-B-0001' };
    const city = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
    const countyA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA, sub: 'od-county-a' });
    poolId = ok(
      await t.gql<{ createTalentPool: { id: string } }>(
        `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
        { i: { name: 'A县后备干部', targetLevel: 'COUNTY_DEPUTY', unitId: f.countyA } },
        countyA,
      ),
    ).createTalentPool.id;
    const add = `mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId hidden } }`;
    ok(await t.gql(add, { i: { poolId, cadreId: f.ids.ann, asOf: AS_OF } }, countyA));
    // The prefecture's department puts county B's cadre into county A's pool and decides about her.
    const added = ok(
      await t.gql<{ addToPool: { hidden: boolean } }>(
        add,
        { i: { poolId, cadreId: yan.id, asOf: AS_OF, note: '市里推荐' } },
        city,
      ),
    );
    expect(added.addToPool.hidden).toBe(false);
    ok(
      await t.gql(
        `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`,
        {
          i: {
            poolId,
            cadreId: yan.id,
            decision: 'DEFERRED',
            effectiveDate: '2026-12-01',
            note: '市委组织部意见',
          },
        },
        city,
      ),
    );
  });
  afterAll(() => t.close());

  type Full = { memberCount: number; members: (Member & { hidden: boolean; cadre: unknown })[] };
  const read = async (token: string) => {
    const res = await t.gql<{ talentPool: Full }>(
      `query($id: ID!) { talentPool(id: $id) { ${FULL} } }`,
      {
        id: poolId,
      },
      token,
    );
    return { body: JSON.stringify(res), pool: ok(res).talentPool };
  };

  it('shows them as an opaque entry: the cadre id and hidden, nothing of the cadre; the count stays', async () => {
    const { body, pool } = await read(t.token({ role: Role.ORG_DEPT, unitId: f.countyA }));
    expect(pool.memberCount).toBe(2);
    expect(pool.members.map((m) => [m.cadreId, m.hidden])).toEqual([
      [f.ids.ann, false],
      [yan.id, true],
    ]);
    expect(pool.members[1]).toEqual({
      cadreId: yan.id,
      hidden: true,
      note: null,
      addedBy: null,
      addedAt: null,
      cadre: null,
      snapshot: null,
      live: null,
      decisions: [],
    });
    expect(pool.members[0]).toMatchObject({ cadre: { id: f.ids.ann, name: 'Ann' }, live: { score: 0.83 } });
    for (const secret of [...SECRET, 'od-city']) expect(body).not.toContain(secret);
  });

  it('through the pool list too, and the department above sees the member in full', async () => {
    const list = `{ talentPools { edges { node { id ${FULL} } } } }`;
    const mine = await t.gql(list, {}, t.token({ role: Role.ORG_DEPT, unitId: f.countyA }));
    expect(mine.errors).toBeUndefined();
    for (const secret of SECRET) expect(JSON.stringify(mine)).not.toContain(secret);
    const { pool } = await read(t.token({ role: Role.ORG_DEPT, unitId: f.city }));
    expect(pool.members[1]).toMatchObject({
      hidden: false,
      note: '市里推荐',
      addedBy: 'od-city',
      cadre: { name: '远山', externalId: 'YAN-B-0001' },
      decisions: [{ decision: 'DEFERRED', note: '市委组织部意见' }],
    });
    expect(pool.members[1].snapshot?.score).toBeGreaterThan(0);
  });

  it('a page of pools loads its members, hidden or not, in the same number of statements for 2 pools as for 6', async () => {
    for (let i = 0; i < 6; i += 1) {
      await t.ds.query(
        `WITH p AS (INSERT INTO talent_pool (name, target_level, unit_id, created_by)
                    VALUES ($2, 'COUNTY_DEPUTY', $3, 'm') RETURNING id)
         INSERT INTO talent_pool_member (pool_id, cadre_id, note, snapshot, added_by)
         SELECT p.id, m.cadre_id, m.note, m.snapshot, m.added_by FROM p, talent_pool_member m WHERE m.pool_id = $1`,
        [poolId, `批次 ${i}`, f.countyA],
      );
    }
    const countyA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA });
    const statementsFor = async (first: number) => {
      // Both counts with nothing kept: the members' live rankings are computed each time (a statement on a
      // watched table, even one that changes no row, ends every kept answer).
      await t.asOwner(`UPDATE talent_pool SET id = id WHERE false`);
      t.queries.reset();
      const data = ok(
        await t.gql<{ talentPools: { edges: { node: { members: { hidden: boolean }[] } }[] } }>(
          `query($first: Int) { talentPools(first: $first) { edges { node { members(asOf: "${AS_OF}") {
             hidden cadre { name postings { id } } snapshot { score } live { score cadre { name } } decisions { note }
           } } } } }`,
          { first },
          countyA,
        ),
      );
      expect(data.talentPools.edges).toHaveLength(first);
      for (const { node } of data.talentPools.edges) {
        expect(node.members.map((m) => m.hidden).sort()).toEqual([false, true]);
      }
      return t.queries.count;
    };
    const two = await statementsFor(2);
    expect(await statementsFor(6)).toBe(two);
  });

  it('the county may take the hidden member out of its pool by the id it sees', async () => {
    const countyA = t.token({ role: Role.ORG_DEPT, unitId: f.countyA });
    ok(
      await t.gql(
        `mutation($p: ID!, $c: ID!) { removeFromPool(poolId: $p, cadreId: $c) }`,
        { p: poolId, c: yan.id },
        countyA,
      ),
    );
    expect((await read(countyA)).pool.members.map((m) => m.cadreId)).toEqual([f.ids.ann]);
  });
});
