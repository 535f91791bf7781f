import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { TokenService } from '../../src/auth/token.service';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeUnit } from '../factories';
import { SYNC_POSTINGS } from './sync-fixtures';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
}

/**
 * POST /graphql over a bare socket: sends the headers and `chunks`, ends the body only when told to, and
 * resolves with the first answer. An answer to a body never finished was given before the body was parsed.
 */
async function rawPost(
  server: Server,
  headers: Record<string, string>,
  chunks: Buffer[],
  end: boolean,
): Promise<RawAnswer> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(parts).toString()),
          });
        });
      },
    );
    // The server may close the connection while we still write: only the answer matters.
    req.on('error', (err) => reject(err));
    for (const c of chunks) req.write(c);
    if (end) req.end();
  });
}

/** The attacker's body: a tiny query and `size` bytes of nested empty arrays in an unused variable. */
function arraysBody(size: number): Buffer {
  const head = '{"query":"{ __typename }","variables":{"x":[';
  const n = Math.floor((size - head.length - 4) / 3);
  return Buffer.from(`${head}${'[],'.repeat(n)}[]]}}`);
}

const LIMIT = 65_536;

describe('request gate: body limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the time a 22,000-record batch takes is the bench's business: here only its size is tested
    t = await createTestApp({
      SYNC_BATCH_LIMIT: '22000',
      REQUEST_TIMEOUT_MS: '300000',
      DB_STATEMENT_TIMEOUT_MS: '240000',
    });
  });
  afterAll(() => t.close());

  const expectTooLarge = (res: RawAnswer, limit = LIMIT): void => {
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      limit,
      requestId: expect.any(String),
    });
    expect(res.headers['x-request-id']).toBe(res.body.errors[0].extensions.requestId);
  };

  it('refuses a 2 MB anonymous body with 413 PAYLOAD_TOO_LARGE, and keeps answering', async () => {
    const body = arraysBody(2 * 1024 * 1024);
    expectTooLarge(
      await rawPost(t.app.getHttpServer(), { 'content-length': String(body.length) }, [body], true),
    );
    const after = await request(t.app.getHttpServer()).post('/graphql').send({ query: '{ __typename }' });
    expect(after.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses by Content-Length alone, before the body has arrived', async () => {
    // 2 MB announced, a dozen bytes sent, the body never finished: only the headers can have been read.
    const res = await rawPost(
      t.app.getHttpServer(),
      { 'content-length': String(2 * 1024 * 1024) },
      [Buffer.from('{"query":"{ ')],
      false,
    );
    expectTooLarge(res);
    expect(res.headers.connection).toBe('close');
  });

  it('cuts a chunked body (no Content-Length) once it passes the limit, without waiting for its end', async () => {
    const chunk = arraysBody(48 * 1024);
    const res = await rawPost(
      t.app.getHttpServer(),
      { 'transfer-encoding': 'chunked' },
      [chunk, chunk],
      false,
    );
    expectTooLarge(res);
    ok(await t.gql('{ __typename }', {}, null));
  });

  it('holds ORG_DEPT and CADRE tokens to the small limit, and lets ADMIN send more', async () => {
    const unit = await makeUnit(t.ds);
    const body = arraysBody(100 * 1024);
    for (const token of [
      t.token({ role: Role.ORG_DEPT, unitId: unit.id }),
      t.token({ role: Role.CADRE, cadreId: '00000000-0000-0000-0000-000000000001' }),
      'not-a-token',
    ]) {
      const headers = { authorization: `Bearer ${token}`, 'content-length': String(body.length) };
      expectTooLarge(await rawPost(t.app.getHttpServer(), headers, [body], true));
    }
    const admin = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send(body.toString());
    expect(admin.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('cuts a large body of millions of tiny JSON values, even from an ADMIN token', async () => {
    // ~2.8 million values in 4 MB: hundreds of MB once parsed (the crash of issue #13 with a trusted token)
    const body = arraysBody(4 * 1024 * 1024);
    const headers = { authorization: `Bearer ${t.adminToken}`, 'content-length': String(body.length) };
    const res = await rawPost(t.app.getHttpServer(), headers, [body], true);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      limit: 25 * 1024 * 1024,
      maxJsonValues: 30 * 22_000,
      requestId: expect.any(String),
    });
    ok(await t.gql('{ __typename }'));
  });

  it('accepts a 20 MB syncPostings batch from an HR_SYNC token', async () => {
    const unitCode = `TOWN-${'X'.repeat(58)}`;
    await makeUnit(t.ds, { code: unitCode, level: 'TOWNSHIP' });
    const cadres = 2_200;
    const perCadre = 10;
    await t.ds.query(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level, status)
       SELECT 'BIG-' || lpad(g::text, 60, '0'), '干部' || g, 'MALE', DATE '1950-01-01', DATE '1970-07-01',
              'BACHELOR', 'ACTIVE' FROM generate_series(1, $1::int) g`,
      [cadres],
    );
    const title = '乡镇党委副书记兼任综合治理办公室主任'.repeat(12).slice(0, 200);
    const records = [];
    for (let c = 1; c <= cadres; c += 1) {
      for (let j = 0; j < perCadre; j += 1) {
        records.push({
          externalId: `BIG-POSTING-${c}-${j}-`.padEnd(128, 'p'),
          cadreExternalId: `BIG-${String(c).padStart(60, '0')}`,
          unitCode,
          title,
          level: 'TOWNSHIP_DEPUTY',
          startDate: `${1971 + 3 * j}-01-01`,
          endDate: `${1972 + 3 * j}-12-31`,
        });
      }
    }
    const body = JSON.stringify({
      query: SYNC_POSTINGS,
      variables: { input: { source: 'hr-big', records } },
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(20 * 1024 * 1024);
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${t.token({ role: Role.HR_SYNC, source: 'hr-big' })}`)
      .send(body);
    expect(res.status).toBe(200);
    const run = ok(
      res.body as { data: { syncPostings: { status: string; counts: Record<string, number> } } },
    ).syncPostings;
    expect(run.status).toBe('COMPLETED');
    expect(run.counts).toMatchObject({
      received: cadres * perCadre,
      created: cadres * perCadre,
      rejected: 0,
    });
    // 2,200 cadres' postings, their runs and every rule's spans in one request: more than the default minute when
    // the other worker is busy too.
  }, 180_000);
});

/** POST { __typename } with the Authorization header spelt as given (none for null) and an X-Forwarded-For. */
function hit(t: TestApp, authorization: string | null, forwardedFor?: string) {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (authorization !== null) req.set('authorization', authorization);
  if (forwardedFor) req.set('x-forwarded-for', forwardedFor);
  return req.send({ query: '{ __typename }' });
}

const expectLimited = (res: request.Response): void => {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body.errors[0].extensions).toEqual({
    code: 'TOO_MANY_REQUESTS',
    retryAfterSeconds: Number(res.headers['retry-after']),
    requestId: expect.any(String),
  });
};

describe('request gate: rate limit (memory, behind a trusted proxy)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '600000', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('counts a token however its header is spelt: an extra space gives no fresh budget', async () => {
    const token = t.token({ role: Role.ADMIN, sub: 'spaces' });
    expect((await hit(t, `Bearer ${token}`)).status).toBe(200);
    expect((await hit(t, `Bearer  ${token}`)).status).toBe(200);
    expect((await hit(t, `Bearer ${token}  `)).status).toBe(200);
    expectLimited(await hit(t, `Bearer   ${token}`));
    expectLimited(await hit(t, `Bearer ${token}`));
  });

  it('gives all tokens of one subject and role one budget; another subject or role has its own', async () => {
    const first = t.token({ role: Role.ADMIN, sub: 'twice' });
    // the same claims with another lifetime: another token text
    const second = t.app.get(TokenService).sign({ role: Role.ADMIN, sub: 'twice' }, '7h');
    expect(second).not.toBe(first);
    for (const token of [first, second, first]) expect((await hit(t, `Bearer ${token}`)).status).toBe(200);
    expectLimited(await hit(t, `Bearer ${second}`));
    expect((await hit(t, `Bearer ${t.token({ role: Role.ADMIN, sub: 'other' })}`)).status).toBe(200);
    expect(
      (await hit(t, `Bearer ${t.token({ role: Role.HR_SYNC, sub: 'twice', source: 's' })}`)).status,
    ).toBe(200);
  });

  it('keys anonymous calls and invalid tokens by client address (X-Forwarded-For from a trusted proxy)', async () => {
    expect((await hit(t, null, '203.0.113.7')).status).toBe(200);
    expect((await hit(t, 'Bearer forged-1', '203.0.113.7')).status).toBe(200);
    expect((await hit(t, 'Bearer forged-2', '203.0.113.7')).status).toBe(200);
    expectLimited(await hit(t, null, '203.0.113.7'));
    expectLimited(await hit(t, 'Bearer forged-3', '203.0.113.7'));
    // only the trusted proxy's word counts: an address the client put before it is ignored
    expectLimited(await hit(t, null, '198.18.0.1, 203.0.113.7'));
    expect((await hit(t, null, '203.0.113.8')).status).toBe(200);
  });

  it('limits /export/* too', async () => {
    const token = t.token({ role: Role.ADMIN, sub: 'exporter' });
    const get = () =>
      request(t.app.getHttpServer())
        .get('/export/promotion-candidates.csv?targetLevel=NO_SUCH_LEVEL')
        .set('authorization', `Bearer ${token}`);
    for (let i = 0; i < 3; i += 1) expect((await get()).status).toBe(400);
    expectLimited(await get());
    // shared with the same caller's GraphQL budget
    expectLimited(await hit(t, `Bearer ${token}`));
  });
});

describe('request gate: rate limit in PostgreSQL, shared by two instances', () => {
  let a: TestApp;
  let b: TestApp;
  const env = { RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '600000' };
  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('counts a caller on both instances against one budget', async () => {
    const token = a.token({ role: Role.ORG_DEPT, sub: 'shared', unitId: (await makeUnit(a.ds)).id });
    expect((await hit(a, `Bearer ${token}`)).status).toBe(200);
    expect((await hit(b, `Bearer ${token}`)).status).toBe(200);
    expect((await hit(a, `Bearer ${token}`)).status).toBe(200);
    expect((await hit(b, `Bearer ${token}`)).status).toBe(200);
    expectLimited(await hit(b, `Bearer ${token}`));
    expectLimited(await hit(a, `Bearer ${token}`));
    const [row] = await a.ds.query<{ points: number }[]>(
      `SELECT points FROM rate_limit WHERE key LIKE '%t:ORG_DEPT:shared'`,
    );
    expect(row.points).toBe(6);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    for (let i = 0; i < 4; i += 1) expect((await hit(a, null, `198.51.100.${i}`)).status).toBe(200);
    expectLimited(await hit(a, null, '198.51.100.99'));
  });

  it('keeps answering when the store fails, counting per instance meanwhile', async () => {
    await a.asOwner('ALTER TABLE rate_limit RENAME TO rate_limit_gone');
    try {
      const token = a.token({ role: Role.ADMIN, sub: 'store-down' });
      for (let i = 0; i < 4; i += 1)
        expect((await hit(a, `Bearer ${token}`)).body).toEqual({ data: { __typename: 'Query' } });
      expectLimited(await hit(a, `Bearer ${token}`));
      // the other instance counts on its own
      expect((await hit(b, `Bearer ${token}`)).status).toBe(200);
    } finally {
      await a.asOwner('ALTER TABLE rate_limit_gone RENAME TO rate_limit');
    }
  });
});
