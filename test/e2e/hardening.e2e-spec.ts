import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

/** `cadre(id) { postings { unit { parent { … { id } } } } }` nesting exactly `depth` levels. */
function nested(depth: number): string {
  const open = ['cadre(id: $id) {', 'postings {', 'unit {'];
  while (open.length < depth - 1) open.push('parent {');
  return `query Deep($id: ID!) { ${open.join(' ')} id ${'}'.repeat(depth - 1)} }`;
}

function post(t: TestApp, body: unknown, token: string | null = t.adminToken) {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send(body as object);
}

/** What no client ever sees: stacks, SQL, table names, file paths. */
function expectNothingLeaked(res: GqlResult): void {
  for (const e of res.errors ?? []) {
    expect(e.extensions.stacktrace).toBeUndefined();
    expect(e.extensions.exception).toBeUndefined();
    expect(e.message).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE FROM|relation|column|constraint)\b/i);
    expect(e.message).not.toMatch(/\b(training|posting|cadre_|unit_|typeorm)\b|\.ts:\d+|node_modules/i);
  }
}

describe('GraphQL limits (development defaults)', () => {
  let t: TestApp;
  let cadreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const unit = await makeUnit(t.ds);
    cadreId = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, cadreId, unit.id);
  });
  afterAll(() => t.close());

  /** Runs `fn` and returns the SQL statements the app sent meanwhile. */
  async function sqlDuring<T>(fn: () => Promise<T>): Promise<{ result: T; sql: number }> {
    t.queries.reset();
    const result = await fn();
    return { result, sql: t.queries.count };
  }

  it('accepts a query nested 10 levels deep', async () => {
    const data = ok(await t.gql(nested(10), { id: cadreId }));
    expect(data.cadre.postings).toHaveLength(1);
  });

  it('refuses a query nested 11 levels deep before running any SQL', async () => {
    const { result, sql } = await sqlDuring(() => t.gql(nested(11), { id: cadreId }));
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
      max: 10,
      actual: 11,
    });
    expect(result.errors?.[0].extensions.requestId).toEqual(expect.any(String));
    expect(sql).toBe(0);
  });

  it('counts depth through fragments too', async () => {
    const q = `query Deep($id: ID!) { ...C }
      fragment C on Query { cadre(id: $id) { postings { ...P } } }
      fragment P on Posting { unit { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } }`;
    const { result, sql } = await sqlDuring(() => t.gql(q, { id: cadreId }));
    expect(result.errors?.[0].extensions).toMatchObject({ limit: 'depth', actual: 11 });
    expect(sql).toBe(0);
  });

  it('refuses first: 100000, in the query or in a variable, before running any SQL', async () => {
    for (const [q, vars] of [
      ['{ cadres(first: 100000) { totalCount } }', undefined],
      ['query($n: Int) { cadres(first: $n) { totalCount } }', { n: 100000 }],
      [`query($id: ID!) { cadre(id: $id) { id } syncRuns(first: 101) { totalCount } }`, { id: cadreId }],
    ] as const) {
      const { result, sql } = await sqlDuring(() => t.gql(q, vars));
      expect(result.errors?.[0]).toMatchObject({
        message: 'first must not be greater than 100',
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
      expect(sql).toBe(0);
    }
    ok(await t.gql('{ cadres(first: 100) { totalCount } }'));
  });

  it('refuses 500 aliases before running any SQL, and accepts 50', async () => {
    const many = (n: number): string =>
      `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: cadre(id: $id) { id }`).join(' ')} }`;
    const { result, sql } = await sqlDuring(() => t.gql(many(500), { id: cadreId }));
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
      max: 50,
      actual: 500,
    });
    expect(sql).toBe(0);
    const data = ok(await t.gql(many(50), { id: cadreId }));
    expect(Object.keys(data)).toHaveLength(50);
  });

  it('refuses a query whose estimated cost is over the limit before running any SQL', async () => {
    // 100 cadres × 10 postings × 10 postings × 10 postings: cheap to write, expensive to run
    const q = `{ cadres(first: 100) { edges { node { postings { cadre { postings { cadre { postings { id } } } } } } } } }`;
    const { result, sql } = await sqlDuring(() => t.gql(q));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    expect(result.errors?.[0].extensions.actual).toBeGreaterThan(50_000);
    expect(sql).toBe(0);
  });

  it('accepts an ordinary rich page (the README example)', async () => {
    ok(
      await t.gql(`{ cadres(first: 50) { totalCount edges { node {
        id name externalId
        postings { title level startDate endDate durationYears(asOf: "2026-11-27") unit { name level } }
        trainings { title classHours } appraisals { year grade }
      } } } }`),
    );
  });

  it('turns batched requests away, running nothing', async () => {
    t.queries.reset();
    const res = await post(t, [{ query: '{ units { id } }' }, { query: '{ units { id } }' }]);
    expect(res.status).toBe(400);
    expect(t.queries.count).toBe(0);
  });

  it('refuses a document with more than 10 operations', async () => {
    const doc = Array.from({ length: 11 }, (_, i) => `query Q${i} { units { id } }`).join('\n');
    t.queries.reset();
    const res = await post(t, { query: doc, operationName: 'Q0' });
    expect(res.body.errors[0].extensions).toMatchObject({ limit: 'operations', actual: 11 });
    expect(t.queries.count).toBe(0);
  });

  it('refuses a document of more than 20,000 tokens at parse time', async () => {
    const doc = `{ ${Array.from({ length: 25000 }, () => '__typename').join(' ')} }`;
    const res = await post(t, { query: doc });
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('keeps introspection, the sandbox and suggestions in development', async () => {
    ok(await t.gql('{ __schema { queryType { name } } }'));
    const page = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.text).toMatch(/<html/i);
    const typo = await t.gql('{ cadrs { totalCount } }');
    expect(typo.errors?.[0].message).toMatch(/Did you mean/);
  });

  it('gives every error the request id, echoing a given X-Request-Id', async () => {
    const res = await post(t, { query: '{ cadre(id: "00000000-0000-0000-0000-000000000000") { id } }' }).set(
      'x-request-id',
      'trace-abc-123',
    );
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'trace-abc-123' });
  });
});

describe('rate limit per token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '600000' });
  });
  afterAll(() => t.close());

  it('counts each GraphQL operation of a token and answers TOO_MANY_REQUESTS past the limit, running no SQL', async () => {
    const q = '{ units { id } }';
    for (let i = 0; i < 3; i += 1) ok(await t.gql(q));
    t.queries.reset();
    const res = await post(t, { query: q });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
      requestId: expect.any(String),
    });
    expect(t.queries.count).toBe(0);
    // another subject has its own budget (tokens are counted by role and subject: request-gate.e2e-spec.ts)
    const other = t.token({ role: Role.ADMIN, sub: 'another-admin' });
    ok(await t.gql(q, {}, other));
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'error' });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    for (const q of ['{ __schema { types { name } } }', '{ __type(name: "Cadre") { fields { name } } }']) {
      const res = await t.gql(q);
      expect(res.data ?? undefined).toBeUndefined();
      expect(res.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toMatch(/introspection/i);
    }
  });

  it('serves no sandbox page', async () => {
    const page = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/<html/i);
  });

  it('gives no "Did you mean" hints about the schema', async () => {
    for (const q of [
      '{ cadrs { totalCount } }',
      '{ cadres { totalCont } }',
      'mutation { createUnit(input: { cod: "X", name: "n", level: COUNTY, kind: GOVERNMENT }) { id } }',
    ]) {
      const res = await t.gql(q);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const e of res.errors ?? []) expect(e.message).not.toMatch(/Did you mean/i);
    }
    const res = await t.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { cod: 'X', name: 'n', level: 'COUNTY', kind: 'GOVERNMENT' },
    });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/i);
  });

  it('answers an unexpected database error with a code, a safe message and the request id only', async () => {
    // a genuinely broken database (this file's private copy, altered by its owner): the query fails inside PostgreSQL
    await t.asOwner('ALTER TABLE training RENAME TO training_gone');
    try {
      const cadre = await makeCadre(t.ds);
      const res = await t.gql('query($id: ID!) { cadre(id: $id) { trainings { id } } }', { id: cadre.id });
      expect(res.errors?.[0].extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: expect.any(String),
      });
      expectNothingLeaked(res);
    } finally {
      await t.asOwner('ALTER TABLE training_gone RENAME TO training');
    }
  });

  it('answers a malformed JSON body with 400 and no stack', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": "{ units { id } }", oops');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/node_modules|\bat .*\(|stack/i);
  });

  it('drops __proto__ and constructor.prototype keys from a JSON body and answers as GraphQL', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send(
        '{"query":"query Q($first: Int) { cadres(first: $first) { totalCount } }",' +
          '"variables":{"first":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}',
      );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps domain errors as they are: code, field, message', async () => {
    const res = await t.gql('{ cadres(first: 0) { totalCount } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expectNothingLeaked(res);
  });
});
