import { Client } from 'pg';
import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { rankingFixture, RankingFixture } from './candidates-fixture';
import { postsFixture, PostsFixture } from './posts-fixture';

const AS_OF = '2026-11-27';
const VACANCIES = `query($u: ID) { vacancies(unitId: $u, asOf: "${AS_OF}", first: 50) {
  totalCount edges { node { title unit { id } } } } }`;
const EXCEEDED = `query($u: ID) { flaggedCadres(first: 20, filter: {
  codes: [POSTING_LIMIT_EXCEEDED], unitId: $u, asOf: "${AS_OF}" }) {
  totalCount edges { node { cadreId flags { code ruleId } } } } }`;
const STUCK = `query($u: ID) { stuckTalent(unitId: $u, asOf: "${AS_OF}") { total { count } } }`;
const TEAMS = `query($u: ID) { teamStructures(unitId: $u, asOf: "${AS_OF}", first: 50, missingOnly: false) {
  totalCount edges { node { unit { id } holders } } } }`;

/** Tables whose writes no kept answer reads (migration 1764239200000): every other table notes its writes. */
const NOT_WATCHED = [
  'audit_log',
  'data_change',
  'idempotency_key',
  'rate_limit',
  'sync_result',
  'sync_run',
  'typeorm_migrations',
  'webhook_delivery',
  'webhook_event',
  'webhook_flag_run',
  'webhook_flag_state',
  'webhook_secret',
  'webhook_subscription',
];

/**
 * The expensive lists keep their answers (src/database/answer-cache.ts) until a write to their data commits:
 * a request never sees an answer older than its own snapshot.
 */
describe('kept answers', () => {
  let t: TestApp;
  let f: RankingFixture;
  let p: PostsFixture;
  let dept: string;
  /** A list as the city's department reads it, under `u`. */
  const read = async <T>(query: string, u: string): Promise<T> => ok(await t.gql<T>(query, { u }, dept));
  const vacancies = async () =>
    (
      await read<{ vacancies: { totalCount: number; edges: { node: { title: string } }[] } }>(
        VACANCIES,
        f.city,
      )
    ).vacancies;
  /** The statements the app sent while `work` ran. */
  const statementsOf = async (work: () => Promise<unknown>) => {
    t.queries.reset();
    await work();
    return [...t.queries.queries];
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    p = await postsFixture(t.ds, f);
    dept = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
  });
  afterAll(() => t.close());

  it('every table but the bookkeeping ones notes its writes in data_change', async () => {
    const rows = await t.asOwner<{ name: string; watched: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_change') AS watched
         FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => !r.watched).map((r) => r.name)).toEqual(NOT_WATCHED);
  });

  it('a list asked again with nothing written is answered without its statement', async () => {
    const first = await vacancies();
    const again = await statementsOf(async () => expect(await vacancies()).toEqual(first));
    expect(again.some((q) => q.includes('vacant_since'))).toBe(false);
    expect(again.some((q) => q.includes('pg_visible_in_snapshot'))).toBe(true);
    // A write to a table no answer reads keeps it; a statement on a watched table, even one that changes no row,
    // does not (the trigger is per statement).
    await t.asOwner(`UPDATE sync_run SET id = id WHERE false`);
    expect((await statementsOf(vacancies)).some((q) => q.includes('vacant_since'))).toBe(false);
    await t.asOwner(`UPDATE post SET id = id WHERE false`);
    expect((await statementsOf(vacancies)).some((q) => q.includes('vacant_since'))).toBe(true);
  });

  it("a write through the service shows in the next request's list", async () => {
    const before = await vacancies();
    const res = ok(
      await t.gql<{ createPost: { id: string } }>(
        `mutation($i: CreatePostInput!) { createPost(input: $i) { id } }`,
        { i: { unitId: f.countyB, title: '县委副书记', level: 'COUNTY_DEPUTY', approvedHolders: 1 } },
        dept,
      ),
    );
    expect(res.createPost.id).toBeDefined();
    const after = await vacancies();
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.edges.map((e) => e.node.title)).toContain('县委副书记');
  });

  it('a write by another system, still open while the list is read, shows once it commits', async () => {
    const before = await vacancies();
    const other = new Client({ connectionString: t.ownerUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO post (unit_id, title, level, approved_holders, required_domains) VALUES ($1, '县委常委', 'COUNTY_DEPUTY', 1, '{}')`,
        [f.countyA],
      );
      // Not committed: the list is as before, and is kept from a snapshot that does not see the write.
      expect(await vacancies()).toEqual(before);
      expect(await vacancies()).toEqual(before);
      await other.query('COMMIT');
      const after = await vacancies();
      expect(after.totalCount).toBe(before.totalCount + 1);
      expect(after.edges.map((e) => e.node.title)).toContain('县委常委');
      // A rolled-back write changes nothing and leaves the kept answer standing.
      await other.query('BEGIN');
      await other.query(`DELETE FROM post WHERE title = '县委常委'`);
      await other.query('ROLLBACK');
      expect(await statementsOf(async () => expect(await vacancies()).toEqual(after))).not.toContainEqual(
        expect.stringContaining('vacant_since'),
      );
    } finally {
      await other.end();
    }
  });

  it('flaggedCadres, stuckTalent and teamStructures follow a posting ended through the service', async () => {
    const exceeded = async () =>
      (
        await read<{ flaggedCadres: { totalCount: number; edges: { node: { cadreId: string } }[] } }>(
          EXCEEDED,
          f.countyA,
        )
      ).flaggedCadres;
    const teams = async () =>
      (
        await read<{ teamStructures: { edges: { node: { unit: { id: string }; holders: number } }[] } }>(
          TEAMS,
          f.countyA,
        )
      ).teamStructures;
    const holdersOfA = async () =>
      (await teams()).edges.find((e) => e.node.unit.id === f.countyA)?.node.holders;
    const listed = await exceeded();
    expect(listed.edges.map((e) => e.node.cadreId)).toContain(p.xu);
    await read(STUCK, f.countyA);
    const holders = await holdersOfA();
    expect(holders).toBeGreaterThan(0);
    expect(await exceeded()).toEqual(listed);

    const [{ id }] = await t.asOwner<{ id: string }>(`SELECT id FROM posting WHERE cadre_id = $1`, [p.xu]);
    ok(await t.gql(`mutation { endPosting(id: "${id}", endDate: "2026-05-31") { id } }`, {}, dept));

    const now = await exceeded();
    expect(now.edges.map((e) => e.node.cadreId)).not.toContain(p.xu);
    expect(now.totalCount).toBe(listed.totalCount - 1);
    expect(await holdersOfA()).toBe(holders! - 1);
  });
});
