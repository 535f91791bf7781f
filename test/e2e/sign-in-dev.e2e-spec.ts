import request from 'supertest';
import { TokenService } from '../../src/auth/token.service';
import { createTestApp, ok, TEST_JWT_AUDIENCE, TEST_JWT_ISSUER, TestApp } from '../app-factory';
import { makeCadre, makeUnit } from '../factories';

describe('development sign-in', () => {
  let t: TestApp;
  let unit: { id: string; code: string };
  let cadre: { id: string; externalId: string };
  beforeAll(async () => {
    t = await createTestApp();
    unit = await makeUnit(t.ds, { code: 'SIGN-YL', name: '云岭市人民政府', level: 'PREFECTURE' });
    cadre = await makeCadre(t.ds, { externalId: 'DEMO-901', name: '李演示' });
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const signIn = (body: object) => http().post('/auth/dev-sign-in').send(body);

  it('says which sign-ins the page may offer: development, no OIDC', async () => {
    const res = await http().get('/auth/methods');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ oidc: false, devSignIn: true });
  });

  it('lists ADMIN, the departments, the cadres and the demo source that exist', async () => {
    const res = await http().get('/auth/dev-identities');
    expect(res.status).toBe(200);
    expect(res.body.identities).toEqual(
      expect.arrayContaining([
        { role: 'ADMIN' },
        { role: 'ORG_DEPT', key: 'SIGN-YL', name: '云岭市人民政府' },
        { role: 'CADRE', key: 'DEMO-901', name: '李演示' },
        { role: 'HR_SYNC', key: 'hr-main' },
      ]),
    );
  });

  it('issues the local token npm run token issues, and the API accepts it', async () => {
    const res = await signIn({ role: 'ORG_DEPT', unit: 'SIGN-YL' });
    expect(res.status).toBe(200);
    const caller = await t.app.get(TokenService).verify(res.body.token as string);
    expect(caller).toEqual({ sub: 'local-org_dept', role: 'ORG_DEPT', unitId: unit.id });
    const [, payload] = (res.body.token as string).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ aud: TEST_JWT_AUDIENCE, iss: TEST_JWT_ISSUER });
    expect(claims.exp - claims.iat).toBe(8 * 3600);
    expect(Date.parse(res.body.expiresAt as string)).toBeGreaterThan(Date.now());
    const data = ok(
      await t.gql(`query($id: ID!) { unit(id: $id) { code } }`, { id: unit.id }, res.body.token),
    );
    expect(data).toEqual({ unit: { code: 'SIGN-YL' } });
  });

  it('signs a cadre in by external id or id, an administrator and the demo source', async () => {
    for (const key of [cadre.externalId, cadre.id]) {
      const res = await signIn({ role: 'CADRE', cadre: key });
      expect(res.status).toBe(200);
      expect(ok(await t.gql(`{ me { name } }`, {}, res.body.token))).toEqual({ me: { name: '李演示' } });
    }
    const admin = await signIn({ role: 'ADMIN' });
    expect(await t.app.get(TokenService).verify(admin.body.token as string)).toEqual({
      sub: 'local-admin',
      role: 'ADMIN',
    });
    const hr = await signIn({ role: 'HR_SYNC', source: 'hr-main' });
    expect(await t.app.get(TokenService).verify(hr.body.token as string)).toMatchObject({
      source: 'hr-main',
    });
  });

  it.each([
    // In Chinese by default (the reader's locale).
    [{ role: 'ORG_DEPT', unit: 'NO-SUCH-UNIT' }, 'unit', /不存在 unit 为 NO-SUCH-UNIT 的记录/],
    [{ role: 'ORG_DEPT', unit: '00000000-0000-4000-8000-000000000000' }, 'unit', /不存在 unit/],
    [{ role: 'ORG_DEPT' }, 'unit', /该角色需要填写 unit/],
    [{ role: 'CADRE', cadre: 'DEMO-999' }, 'cadre', /不存在 cadre 为 DEMO-999 的记录/],
    [{ role: 'HR_SYNC', source: 'never-synced' }, 'source', /不存在 source 为 never-synced/],
    [{ role: 'HR_SYNC', source: 'bad source!' }, 'source', /source (must be|的格式不正确)/],
    [{ role: 'ROOT' }, 'role', /role (must be one of|的取值不在允许范围内)/],
    [{ role: 'ADMIN', unit: 'x'.repeat(65) }, 'unit', /unit/],
  ])('refuses %j: no token, BAD_USER_INPUT naming %s', async (body, field, message) => {
    const res = await signIn(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.body.message).toMatch(message);
    expect(res.body.token).toBeUndefined();
  });

  it('knows a source once it has synced', async () => {
    await t.asOwner(
      `INSERT INTO sync_run (source, kind, mode, status, payload_hash, as_of, started_at, counts, created_by)
       VALUES ('hr-county', 'UNITS', 'UPSERT', 'COMPLETED', repeat('0', 64), '2026-01-01', now(), '{}', 'test')`,
    );
    expect((await signIn({ role: 'HR_SYNC', source: 'hr-county' })).status).toBe(200);
    const res = await http().get('/auth/dev-identities');
    expect(res.body.identities).toContainEqual({ role: 'HR_SYNC', key: 'hr-county' });
  });

  it('has no OIDC routes without OIDC_ISSUER', async () => {
    for (const path of ['/auth/login', '/auth/callback?code=x&state=y', '/auth/logout'])
      expect((await http().get(path)).status).toBe(404);
  });
});

describe('development sign-in in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'error', RATE_LIMIT_MAX: '4' });
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  it('is not there (404), and the page is told so; every anonymous /auth call counts against the rate limit', async () => {
    expect((await http().post('/auth/dev-sign-in').send({ role: 'ADMIN' })).status).toBe(404);
    expect((await http().get('/auth/dev-identities')).status).toBe(404);
    const methods = await http().get('/auth/methods');
    expect(methods.body).toEqual({ oidc: false, devSignIn: false });
    expect((await http().get('/auth/methods')).status).toBe(200);
    const limited = await http().post('/auth/dev-sign-in').send({ role: 'ADMIN' });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});
