import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';
import { counts, outcomes, RESULTS, RUN_FIELDS, RunShape } from './sync-fixtures';

const SYNC_POSTS = `mutation($input: SyncPostsInput!) { syncPosts(input: $input) { ${RUN_FIELDS} ${RESULTS} } }`;

describe('syncPosts', () => {
  let t: TestApp;
  let hrA: string;
  let hrB: string;
  let county: { id: string; code: string };
  let other: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestApp();
    hrA = t.token({ role: Role.HR_SYNC, source: 'hr-a', sub: 'hr-a' });
    hrB = t.token({ role: Role.HR_SYNC, source: 'hr-b', sub: 'hr-b' });
    county = await makeUnit(t.ds, { level: 'COUNTY' });
    other = await makeUnit(t.ds, { level: 'COUNTY' });
  });
  afterAll(() => t.close());

  const sync = async (token: string, input: Record<string, unknown>) =>
    ok(await t.gql<{ syncPosts: RunShape }>(SYNC_POSTS, { input }, token)).syncPosts;
  const post = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    unitCode: county.code,
    title: `职位 ${externalId}`,
    level: 'COUNTY_DEPUTY',
    approvedHolders: 1,
    ...over,
  });
  const rows = (source: string) =>
    t.ds.query(
      `SELECT external_id, title, level, approved_holders, party_post, required_domains::text[] AS required
         FROM post WHERE source = $1 ORDER BY external_id`,
      [source],
    );

  it('writes the good records and rejects the bad ones with their reasons', async () => {
    const run = await sync(hrA, {
      source: 'hr-a',
      records: [
        post('P-1', { title: '副县长', approvedHolders: 4, requiredDomains: ['CULTURAL_TOURISM'] }),
        post('P-2', { title: '县委副书记', partyPost: true }),
        post('P-3', { unitCode: 'NOWHERE' }),
        post('P-4', { level: 'CLERK_1' }),
        post('P-5', { approvedHolders: -1 }),
        post('P-6', { requiredDomains: ['ASTROLOGY'] }),
        post('P-7', { title: '副县长' }),
      ],
    });
    expect(run.status).toBe('COMPLETED');
    expect(run.counts).toEqual(counts({ received: 7, created: 1, rejected: 6 }));
    expect(outcomes(run)).toEqual([
      ['P-1', 'REJECTED', 'title:TITLE_TAKEN'],
      ['P-2', 'CREATED'],
      ['P-3', 'REJECTED', 'unitCode:UNKNOWN_UNIT'],
      ['P-4', 'REJECTED', 'level:UNKNOWN_LEVEL'],
      ['P-5', 'REJECTED', 'approvedHolders:INVALID'],
      ['P-6', 'REJECTED', 'requiredDomains:INVALID'],
      ['P-7', 'REJECTED', 'title:TITLE_TAKEN'],
    ]);
    const messages = run.results.edges.map((e) => e.node.errors[0]?.message);
    expect(messages[2]).toBe('没有代码为 NOWHERE 的单位。');
    expect(messages[4]).toBe('approvedHolders 的值无效。');
  });

  it('creates, then leaves unchanged on re-send, then updates; a post of another source is not found by key', async () => {
    const first = await sync(hrA, {
      source: 'hr-a',
      records: [post('P-1', { title: '副县长', approvedHolders: 4 })],
    });
    expect(outcomes(first)).toEqual([['P-1', 'CREATED']]);
    const again = await sync(hrA, {
      source: 'hr-a',
      records: [post('P-1', { title: '副县长', approvedHolders: 4 })],
    });
    expect(outcomes(again)).toEqual([['P-1', 'UNCHANGED']]);
    const changed = await sync(hrA, {
      source: 'hr-a',
      records: [post('P-1', { title: '副县长', approvedHolders: 3, requiredDomains: ['TRANSPORT'] })],
    });
    expect(outcomes(changed)).toEqual([['P-1', 'UPDATED']]);
    expect(await rows('hr-a')).toEqual([
      {
        external_id: 'P-1',
        title: '副县长',
        level: 'COUNTY_DEPUTY',
        approved_holders: 3,
        party_post: false,
        required: ['TRANSPORT'],
      },
      {
        external_id: 'P-2',
        title: '县委副书记',
        level: 'COUNTY_DEPUTY',
        approved_holders: 1,
        party_post: true,
        required: [],
      },
    ]);
    // hr-b sends the same key: its own new post, which clashes with hr-a's title.
    const b = await sync(hrB, { source: 'hr-b', records: [post('P-1', { title: '副县长' })] });
    expect(outcomes(b)).toEqual([['P-1', 'REJECTED', 'title:TITLE_TAKEN']]);
    const audit = await t.ds.query<{ actor_sub: string }[]>(
      `SELECT DISTINCT actor_sub FROM audit_log WHERE entity = 'post'`,
    );
    expect(audit).toEqual([{ actor_sub: 'hr-a' }]);
  });

  it('returns the first run for a repeated idempotency key, and writes nothing of an atomic batch with a bad row', async () => {
    const input = { source: 'hr-a', idempotencyKey: 'posts-1', records: [post('P-8')] };
    const one = await sync(hrA, input);
    const two = await sync(hrA, input);
    expect(two.id).toBe(one.id);
    const before = await tableFingerprint(t.ds, 'post');
    const atomic = await sync(hrA, {
      source: 'hr-a',
      atomic: true,
      records: [post('P-9'), post('P-10', { unitCode: 'NOWHERE' })],
    });
    expect(atomic.status).toBe('REJECTED');
    expect(outcomes(atomic)).toEqual([
      ['P-9', 'REJECTED', 'records:BATCH_REJECTED'],
      ['P-10', 'REJECTED', 'unitCode:UNKNOWN_UNIT'],
    ]);
    expect(await tableFingerprint(t.ds, 'post')).toEqual(before);
  });

  it('keeps a post with holders in its unit', async () => {
    await sync(hrA, { source: 'hr-a', records: [post('P-11', { title: '县长', level: 'COUNTY_CHIEF' })] });
    const [{ id }] = await t.ds.query<{ id: string }[]>(`SELECT id FROM post WHERE external_id = 'P-11'`);
    const c = await makeCadre(t.ds);
    const p = await makePosting(t.ds, c.id, county.id, { level: 'COUNTY_CHIEF', startDate: '2024-01-01' });
    await t.ds.query(`UPDATE posting SET post_id = $1 WHERE id = $2`, [id, p.id]);
    const moved = await sync(hrA, {
      source: 'hr-a',
      records: [post('P-11', { title: '县长', level: 'COUNTY_CHIEF', unitCode: other.code })],
    });
    expect(outcomes(moved)).toEqual([['P-11', 'REJECTED', 'unitCode:POST_HAS_POSTINGS']]);
  });

  it('refuses another source’s token', async () => {
    const res = await t.gql(SYNC_POSTS, { input: { source: 'hr-a', records: [] } }, hrB);
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
