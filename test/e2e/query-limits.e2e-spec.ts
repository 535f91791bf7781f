import request from 'supertest';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';

/** `levels` fragments each spreading the one below twice, over F0 = `body`: 2^levels copies written out. */
function doubling(levels: number, body: string): string {
  const fragments = [`fragment F0 on Query { ${body} }`];
  for (let i = 1; i <= levels; i += 1)
    fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query { ...F${levels} }\n${fragments.join('\n')}`;
}

/** 100 cadres × 10 postings × 10 postings × 10 postings: costs 122,301. */
const COSTLY =
  'cadres(first: 100) { edges { node { postings { cadre { postings { cadre { postings { id } } } } } } } }';

describe('GraphQL limits on fragments (issue #13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** POST /graphql without a token, as an attacker would. */
  async function anonymous(query: string, variables?: Record<string, unknown>) {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query, variables });
    return { status: res.status, body: res.body as GqlResult };
  }

  it('refuses 30 levels of doubling fragments over real fields on their cost, and answers others meanwhile', async () => {
    t.queries.reset();
    const [bomb, other] = await Promise.all([
      anonymous(doubling(30, 'units { id }')),
      anonymous('{ __typename }'),
    ]);
    expect(bomb.status).toBe(400);
    expect(bomb.body.data ?? undefined).toBeUndefined();
    expect(bomb.body.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      max: 50_000,
      actual: 2 ** 30 * 11, // units { id }: 1 + 10 × 1
    });
    expect(t.queries.count).toBe(0);
    expect(ok(other.body)).toEqual({ __typename: 'Query' });
  });

  it('refuses 30 levels of doubling fragments over __typename, which costs nothing, on the fields written out', async () => {
    const [bomb, other] = await Promise.all([
      anonymous(doubling(30, '__typename')),
      anonymous('{ __typename }'),
    ]);
    expect(bomb.body.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'fields',
      max: 20_000,
      actual: 2 ** 30,
    });
    expect(ok(other.body)).toEqual({ __typename: 'Query' });
  });

  it('refuses a query over the cost limit wrapped in 13 levels of fragments, as it refuses it plainly', async () => {
    t.queries.reset();
    const plain = await t.gql(`{ ${COSTLY} }`);
    expect(plain.errors?.[0].extensions).toMatchObject({ limit: 'cost', actual: 122_301 });
    const wrapped = await t.gql(doubling(13, COSTLY));
    expect(wrapped.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      max: 50_000,
      actual: 2 ** 13 * 122_301,
    });
    expect(t.queries.count).toBe(0);
  });

  it('accepts fragments used twice where the query is affordable', async () => {
    const data = ok(await t.gql(doubling(3, 'units { id name }')));
    expect(data.units).toEqual([]);
  });

  it('answers variables that do not fit the same way whether or not the cost depends on them', async () => {
    t.queries.reset();
    // the cost depends on $n: the limits coerce it; it does not depend on $after: execution coerces it
    const byLimits = await anonymous('query($n: Int) { cadres(first: $n) { totalCount } }', { n: 'ten' });
    const byExecution = await anonymous('query($a: String) { cadres(after: $a) { totalCount } }', { a: 10 });
    for (const res of [byLimits, byExecution]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^Variable "\$\w" got invalid value 10|^Variable "\$\w" got invalid value "ten"/,
        ),
        locations: [{ line: 1, column: 7 }],
        extensions: { code: 'BAD_USER_INPUT', requestId: expect.any(String) },
      });
    }
    expect(t.queries.count).toBe(0);
  });
});
