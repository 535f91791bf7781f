import { generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import request from 'supertest';
import { TokenService } from '../../src/auth/token.service';
import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makeUnit } from '../factories';

const CLIENT_ID = 'cadre-web';
const CLIENT_SECRET = 'a-client-secret-for-the-test-only';
const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback';
const PUBLIC_CLIENT_ID = 'cadre-web-public';

/** The identity provider's accounts: the claims each ID token carries besides sub. */
const ACCOUNTS: Record<string, Record<string, string>> = {
  dept: { cadre_role: 'ORG_DEPT', cadre_unit: 'OIDC-YL' },
  cadre: { cadre_role: 'CADRE', cadre_id: 'DEMO-902' },
  nobody: {},
  outsider: { cadre_role: 'ORG_DEPT', cadre_unit: 'NO-SUCH-UNIT' },
  wizard: { cadre_role: 'WIZARD' },
};

/** A real OpenID provider (oidc-provider) on a free local port; its login page signs in `account.next`. */
async function startIdentityProvider(): Promise<{
  issuer: string;
  server: Server;
  account: { next: string };
}> {
  const account = { next: 'dept' };
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        post_logout_redirect_uris: ['http://127.0.0.1:3999/'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        // a public client: no secret, PKCE alone
        client_id: PUBLIC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['cookie-key-for-the-test-only'] },
    claims: { openid: ['sub', 'cadre_role', 'cadre_unit', 'cadre_id', 'cadre_source'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) }),
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = account.next;
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id as string });
      grant.addOIDCScope('openid');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  return { issuer, server, account };
}

/** Follows the identity provider's redirects as a browser would (with its cookies) until it sends us back. */
async function throughIdentityProvider(url: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.startsWith(REDIRECT_URI)) return new URL(next);
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`identity provider answered ${res.status}: ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects');
}

describe('OIDC sign-in against a real identity provider', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let t: TestApp;
  let unit: { id: string };
  let cadre: { id: string };
  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await createTestApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: REDIRECT_URI,
    });
    unit = await makeUnit(t.ds, { code: 'OIDC-YL' });
    cadre = await makeCadre(t.ds, { externalId: 'DEMO-902' });
  });
  afterAll(async () => {
    await t.close();
    idp.server.closeAllConnections();
    await new Promise((done) => idp.server.close(done));
  });

  const http = () => request(t.app.getHttpServer());

  /** GET /auth/login: the identity provider's URL and the login cookie. */
  async function login(): Promise<{ url: URL; cookie: string; setCookie: string }> {
    const res = await http().get('/auth/login');
    expect(res.status).toBe(302);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
    return { url: new URL(res.headers.location), cookie: setCookie.split(';')[0], setCookie };
  }

  const callback = (back: URL, cookie?: string) => {
    const req = http().get(`/auth/callback${back.search}`);
    return cookie ? req.set('cookie', cookie) : req;
  };

  it('offers OIDC on the page', async () => {
    expect((await http().get('/auth/methods')).body).toEqual({ oidc: true, devSignIn: true });
  });

  it('signs a department in: code + PKCE, state and nonce, the service token in the fragment', async () => {
    idp.account.next = 'dept';
    const start = await login();
    expect(start.url.origin).toBe(idp.issuer);
    const params = start.url.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(start.setCookie).toMatch(/HttpOnly/);
    expect(start.setCookie).toMatch(/SameSite=Lax/);
    expect(start.setCookie).toMatch(/Path=\/auth/);
    expect(start.setCookie).toMatch(/Max-Age=600/);
    // the cookie holds neither in plain sight as a parameter the provider sees: it is signed
    expect(start.cookie).toMatch(/^cp_oidc_login=[\w-]+\.[\w-]+$/);

    const back = await throughIdentityProvider(start.url.href);
    expect(back.searchParams.get('code')).toBeTruthy();
    const res = await callback(back, start.cookie);
    expect(res.status).toBe(302);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['set-cookie'])).toMatch(/cp_oidc_login=; .*Max-Age=0/);
    const match = /^\/#access_token=(.+)$/.exec(res.headers.location);
    expect(match).not.toBeNull();
    const token = decodeURIComponent(match![1]);
    expect(await t.app.get(TokenService).verify(token)).toEqual({
      sub: 'oidc:dept',
      role: 'ORG_DEPT',
      unitId: unit.id,
    });
    const me = await t.gql(`query($id: ID!) { unit(id: $id) { code } }`, { id: unit.id }, token);
    expect(me.data).toEqual({ unit: { code: 'OIDC-YL' } });

    // the same answer again (a replayed callback) is refused: the code is spent
    const again = await callback(back, start.cookie);
    expect(again.status).toBe(400);
    expect(again.text).toContain('data-problem="LOGIN_REFUSED"');
  });

  it('signs a cadre in by the external id in the claim', async () => {
    idp.account.next = 'cadre';
    const start = await login();
    const res = await callback(await throughIdentityProvider(start.url.href), start.cookie);
    const token = decodeURIComponent(String(res.headers.location).replace('/#access_token=', ''));
    expect(await t.app.get(TokenService).verify(token)).toEqual({
      sub: 'oidc:cadre',
      role: 'CADRE',
      cadreId: cadre.id,
    });
  });

  it('refuses a tampered state', async () => {
    idp.account.next = 'dept';
    const start = await login();
    const back = await throughIdentityProvider(start.url.href);
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    const res = await callback(back, start.cookie);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('data-problem="LOGIN_REFUSED"');
    expect(res.text).toContain('未通过校验');
  });

  it('refuses an ID token with another nonce than the one sent', async () => {
    idp.account.next = 'dept';
    const start = await login();
    // someone swaps the nonce on the way to the identity provider: state and PKCE still match
    start.url.searchParams.set('nonce', 'a-nonce-we-never-sent');
    const back = await throughIdentityProvider(start.url.href);
    const res = await callback(back, start.cookie);
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-problem="LOGIN_REFUSED"');
  });

  it('refuses a callback without its login cookie, or with an altered one', async () => {
    idp.account.next = 'dept';
    const start = await login();
    const back = await throughIdentityProvider(start.url.href);
    const missing = await callback(back);
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('data-problem="LOGIN_EXPIRED"');
    const [body, mac] = start.cookie.split('=')[1].split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), exp: 9_999_999_999 }),
    ).toString('base64url');
    const altered = await callback(back, `cp_oidc_login=${forged}.${mac}`);
    expect(altered.text).toContain('data-problem="LOGIN_EXPIRED"');
  });

  it.each([
    ['nobody', 'NO_ROLE', '没有本系统的角色'],
    ['wizard', 'NO_ROLE', 'has no role in this service'],
    ['outsider', 'UNKNOWN_IDENTITY', '在本系统中不存在'],
  ])('refuses account %s with a Chinese and English page (%s)', async (account, problem, text) => {
    idp.account.next = account;
    const start = await login();
    const res = await callback(await throughIdentityProvider(start.url.href), start.cookie);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.text).toContain(`data-problem="${problem}"`);
    expect(res.text).toContain(text);
    expect(res.text).toContain('登录失败');
    expect(res.text).toContain('Sign-in failed');
  });

  it('signs out at the identity provider too', async () => {
    const res = await http().get('/auth/logout');
    expect(res.status).toBe(302);
    const url = new URL(res.headers.location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:3999/');
  });
});

describe('OIDC sign-in as a public client (no secret)', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await createTestApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: PUBLIC_CLIENT_ID,
      OIDC_REDIRECT_URI: REDIRECT_URI,
    });
    await makeCadre(t.ds, { externalId: 'DEMO-902' });
  });
  afterAll(async () => {
    await t.close();
    idp.server.closeAllConnections();
    await new Promise((done) => idp.server.close(done));
  });

  it('signs a cadre in with PKCE alone', async () => {
    idp.account.next = 'cadre';
    const start = await request(t.app.getHttpServer()).get('/auth/login');
    const url = new URL(start.headers.location);
    expect(url.searchParams.get('client_id')).toBe(PUBLIC_CLIENT_ID);
    const cookie = String(([] as string[]).concat(start.headers['set-cookie'] ?? [])[0]).split(';')[0];
    const back = await throughIdentityProvider(url.href);
    const res = await request(t.app.getHttpServer())
      .get(`/auth/callback${back.search}`)
      .set('cookie', cookie);
    expect(res.status).toBe(302);
    const token = decodeURIComponent(String(res.headers.location).replace('/#access_token=', ''));
    expect(await t.app.get(TokenService).verify(token)).toMatchObject({ sub: 'oidc:cadre', role: 'CADRE' });
  });
});
