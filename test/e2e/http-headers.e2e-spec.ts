import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { PAGE_CSP } from '../../src/common/http/security-headers';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeUnit } from '../factories';

describe('HTTP security headers and compression', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends the page with its CSP, HSTS, frame and sniffing rules', async () => {
    const res = await request(t.app.getHttpServer()).get('/');
    const csp = res.headers['content-security-policy'];
    for (const [directive, sources] of Object.entries(PAGE_CSP)) {
      expect(csp).toContain(`${directive} ${sources.join(' ')}`);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers GraphQL without a CSP but with the other headers', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${t.adminToken}`)
      .send({ query: '{ units { id } }' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=/);
  });

  it('compresses a large answer with brotli or gzip, as the client accepts, and leaves small ones alone', async () => {
    for (let i = 0; i < 40; i += 1) await makeUnit(t.ds);
    const query = '{ units { id code name level kind } }';
    const post = (encoding: string) =>
      request(t.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${t.adminToken}`)
        .set('accept-encoding', encoding)
        .send({ query });
    const gzip = await post('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect((gzip.body as { data: { units: unknown[] } }).data.units).toHaveLength(40);
    const br = await post('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await post('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);
    const small = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('accept-encoding', 'gzip')
      .send({ query: '{ __typename }' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('does not inflate a compressed request body (the body limits count the bytes sent)', async () => {
    const body = gzipSync(JSON.stringify({ query: '{ __typename }' }));
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${t.adminToken}`)
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(ok(await t.gql('{ __typename }'))).toEqual({ __typename: 'Query' });
  });
});
