import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Role } from '../../src/auth/caller';
import request from 'supertest';
import {
  createTestApp,
  GqlResult,
  ok,
  TEST_JWT_AUDIENCE,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
  TestApp,
} from '../app-factory';
import { makeCadre } from '../factories';
import { Child, ROOT } from './support/child';

const ME = `{ me { id } }`;
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);

/** A JWT built by hand, so tests can forge what no library would sign. */
function jwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signer: (input: string) => string,
) {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${signer(input)}`;
}
const hmac = (key: string) => (input: string) => createHmac('sha256', key).update(input).digest('base64url');

describe('bearer tokens', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rs256 = (input: string) => rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url');
  let t: TestApp;
  let cadreId: string;
  const claims = (over: Record<string, unknown> = {}) => ({
    sub: 'idp-user-1',
    role: Role.CADRE,
    cadreId,
    aud: TEST_JWT_AUDIENCE,
    iss: TEST_JWT_ISSUER,
    iat: now(),
    exp: now() + 600,
    ...over,
  });
  const hs256 = (over: Record<string, unknown> = {}) =>
    jwt({ alg: 'HS256', typ: 'JWT' }, claims(over), hmac(TEST_JWT_SECRET));

  beforeAll(async () => {
    t = await createTestApp({ JWT_PUBLIC_KEY: publicPem });
    cadreId = (await makeCadre(t.ds)).id;
  });
  afterAll(() => t.close());

  async function expectCode(token: string | null, code: string) {
    const res = await t.gql(ME, {}, token);
    expect(res.errors?.[0].extensions.code).toBe(code);
    expect(res.data ?? null).toBeNull();
  }

  it('accepts our own HS256 token and an RS256 token of the configured identity provider', async () => {
    expect(ok(await t.gql(ME, {}, t.token({ role: Role.CADRE, cadreId }))).me.id).toBe(cadreId);
    const idp = jwt({ alg: 'RS256', typ: 'JWT' }, claims(), rs256);
    expect(ok(await t.gql(ME, {}, idp)).me.id).toBe(cadreId);
  });

  it('accepts nbf and iat up to the clock tolerance ahead, a lifetime of exactly the maximum, aud as a list', async () => {
    for (const over of [
      { nbf: now() + 20, iat: now() + 20 },
      { iat: now(), exp: now() + 86_400 },
      { iat: undefined, exp: now() + 86_000 },
      { aud: ['another-service', TEST_JWT_AUDIENCE] },
    ]) {
      expect(ok(await t.gql(ME, {}, hs256(over))).me.id).toBe(cadreId);
    }
    expect(ok(await t.gql(ME, {}, jwt({ alg: 'RS256' }, claims({ nbf: now() + 20 }), rs256))).me.id).toBe(
      cadreId,
    );
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    await expectCode(null, 'UNAUTHENTICATED');
  });

  it.each<[string, () => string]>([
    ['expired', () => jwt({ alg: 'HS256', typ: 'JWT' }, claims({ exp: now() - 60 }), hmac(TEST_JWT_SECRET))],
    ['expired RS256', () => jwt({ alg: 'RS256', typ: 'JWT' }, claims({ exp: now() - 60 }), rs256)],
    ['malformed', () => 'not.a.jwt'],
    ['malformed: garbage', () => 'abc'],
    [
      'wrong signature',
      () => jwt({ alg: 'HS256', typ: 'JWT' }, claims(), hmac('another-secret-another-secret-0123456')),
    ],
    [
      'tampered claims',
      () => {
        const [h, , s] = jwt({ alg: 'HS256', typ: 'JWT' }, claims(), hmac(TEST_JWT_SECRET)).split('.');
        return `${h}.${b64(claims({ role: Role.ADMIN }))}.${s}`;
      },
    ],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims({ role: Role.ADMIN }))}.`],
    ['alg none with a signature', () => jwt({ alg: 'none' }, claims(), hmac(TEST_JWT_SECRET))],
    [
      'HS256 signed with the RS256 public key (algorithm confusion)',
      () => jwt({ alg: 'HS256', typ: 'JWT' }, claims(), hmac(publicPem)),
    ],
    [
      'RS256 signed by another key',
      () => {
        const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        return jwt({ alg: 'RS256' }, claims(), (i) =>
          rsaSign('sha256', Buffer.from(i), other).toString('base64url'),
        );
      },
    ],
    [
      'HS512 with the right secret (not an accepted algorithm)',
      () =>
        jwt({ alg: 'HS512' }, claims(), (i) =>
          createHmac('sha512', TEST_JWT_SECRET).update(i).digest('base64url'),
        ),
    ],
    [
      'an unknown role claim',
      () => jwt({ alg: 'HS256' }, claims({ role: 'SUPERUSER' }), hmac(TEST_JWT_SECRET)),
    ],
    ['no role claim', () => jwt({ alg: 'HS256' }, claims({ role: undefined }), hmac(TEST_JWT_SECRET))],
    ['no subject', () => jwt({ alg: 'HS256' }, claims({ sub: undefined }), hmac(TEST_JWT_SECRET))],
    [
      'ORG_DEPT without unitId',
      () => jwt({ alg: 'HS256' }, claims({ role: Role.ORG_DEPT, cadreId: undefined }), hmac(TEST_JWT_SECRET)),
    ],
    [
      'ORG_DEPT with a unitId that is not an id',
      () => jwt({ alg: 'HS256' }, claims({ role: Role.ORG_DEPT, unitId: 'YL' }), hmac(TEST_JWT_SECRET)),
    ],
    [
      'CADRE without cadreId',
      () => jwt({ alg: 'HS256' }, claims({ cadreId: undefined }), hmac(TEST_JWT_SECRET)),
    ],
    [
      'HR_SYNC without source',
      () => jwt({ alg: 'HS256' }, claims({ role: Role.HR_SYNC }), hmac(TEST_JWT_SECRET)),
    ],
    [
      'RS256 with a CADRE claim but no cadreId',
      () => jwt({ alg: 'RS256' }, claims({ cadreId: undefined }), rs256),
    ],
    ['without exp', () => hs256({ exp: undefined })],
    ['RS256 without exp', () => jwt({ alg: 'RS256' }, claims({ exp: undefined }), rs256)],
    ['with a non-numeric exp', () => hs256({ exp: `${now() + 600}` })],
    ['for another audience', () => hs256({ aud: 'another-service' })],
    ['without aud', () => hs256({ aud: undefined })],
    ['RS256 for another audience', () => jwt({ alg: 'RS256' }, claims({ aud: 'another-service' }), rs256)],
    ['from another issuer', () => hs256({ iss: 'https://elsewhere.invalid/' })],
    ['without iss', () => hs256({ iss: undefined })],
    ['RS256 from another issuer', () => jwt({ alg: 'RS256' }, claims({ iss: 'elsewhere' }), rs256)],
    ['not valid yet (nbf beyond the clock tolerance)', () => hs256({ nbf: now() + 120 })],
    ['RS256 not valid yet', () => jwt({ alg: 'RS256' }, claims({ nbf: now() + 120 }), rs256)],
    ['issued in the future (iat beyond the clock tolerance)', () => hs256({ iat: now() + 120 })],
    ['RS256 issued in the future', () => jwt({ alg: 'RS256' }, claims({ iat: now() + 120 }), rs256)],
    ['living longer than JWT_MAX_TTL_SECONDS', () => hs256({ iat: now(), exp: now() + 86_401 })],
    [
      'without iat, expiring further than the maximum lifetime from now',
      () => hs256({ iat: undefined, exp: now() + 86_460 }),
    ],
    ['signed with an empty secret', () => jwt({ alg: 'HS256' }, claims(), hmac(''))],
    ['signed with a short secret', () => jwt({ alg: 'HS256' }, claims(), hmac('short-secret'))],
  ])('refuses a token that is %s: UNAUTHENTICATED', async (_name, make) => {
    await expectCode(make(), 'UNAUTHENTICATED');
  });

  it('ignores a token sent with another scheme than "Bearer"', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Basic ${t.token({ role: Role.CADRE, cadreId })}`)
      .send({ query: ME });
    expect((res.body as GqlResult).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a valid token of the wrong role is FORBIDDEN, not UNAUTHENTICATED', async () => {
    await expectCode(t.token({ role: Role.ORG_DEPT, unitId: randomUUID() }), 'FORBIDDEN');
  });
});

describe('bearer tokens without a public key configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses RS256 tokens: only HS256 is accepted', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = jwt({ alg: 'RS256' }, { sub: 'x', role: Role.ADMIN, exp: now() + 600 }, (i) =>
      rsaSign('sha256', Buffer.from(i), privateKey).toString('base64url'),
    );
    const res = await t.gql(`{ specialtyDomains { code } }`, {}, token);
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

/** A key of the identity provider: its JWK as published, and a signer for its algorithm. */
function idpKey(kid: string, alg: 'RS256' | 'ES256') {
  const { publicKey, privateKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  const signer = (input: string) =>
    (alg === 'RS256'
      ? rsaSign('sha256', Buffer.from(input), privateKey)
      : rsaSign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
    ).toString('base64url');
  return { kid, alg, jwk, signer };
}

describe('bearer tokens of an identity provider publishing a JWKS (JWT_JWKS_URL)', () => {
  const realNow = Date.now.bind(Date);
  /** The app's clock runs this far ahead, so that jose's cooldown and cache age pass without waiting. */
  let ahead = 0;
  const clock = (): number => Math.floor((realNow() + ahead) / 1000);
  const rsa = idpKey('rsa-2026', 'RS256');
  const ec = idpKey('ec-2026', 'ES256');
  const next = idpKey('rsa-2027', 'RS256');
  let published = [rsa.jwk, ec.jwk];
  let fetches = 0;
  let server: Server;
  let t: TestApp;
  let cadreId: string;

  const claims = (over: Record<string, unknown> = {}) => ({
    sub: 'idp-user-2',
    role: Role.CADRE,
    cadreId,
    aud: TEST_JWT_AUDIENCE,
    iss: TEST_JWT_ISSUER,
    iat: clock(),
    exp: clock() + 3600,
    ...over,
  });
  const signedBy = (key: ReturnType<typeof idpKey>, over: Record<string, unknown> = {}, header = {}) =>
    jwt({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header }, claims(over), key.signer);
  const me = async (token: string) => (await t.gql(ME, {}, token)).data?.me?.id as string | undefined;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestApp({ JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` });
    cadreId = (await makeCadre(t.ds)).id;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ahead);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts RS256 and ES256 tokens signed with a published key, and still our own HS256 ones', async () => {
    expect(await me(signedBy(rsa))).toBe(cadreId);
    expect(await me(signedBy(ec))).toBe(cadreId);
    expect(ok(await t.gql(ME, {}, t.token({ role: Role.CADRE, cadreId }))).me.id).toBe(cadreId);
    expect(fetches).toBe(1);
  });

  it.each<[string, () => string]>([
    ['without a kid', () => jwt({ alg: 'RS256' }, claims(), rsa.signer)],
    ['with a kid nobody published', () => signedBy({ ...rsa, kid: 'nobody' })],
    ['with the kid of a published key but signed by another', () => signedBy({ ...next, kid: rsa.kid })],
    ['claiming ES256 with the kid of an RSA key', () => signedBy({ ...ec, kid: rsa.kid })],
    ['claiming HS256 with a published kid', () => signedBy({ ...rsa, alg: 'HS256' as 'RS256' })],
    ['without exp', () => signedBy(rsa, { exp: undefined })],
    ['expired', () => signedBy(ec, { exp: clock() - 60 })],
    ['for another audience', () => signedBy(rsa, { aud: 'another-service' })],
    ['from another issuer', () => signedBy(ec, { iss: 'https://elsewhere.invalid/' })],
    ['not valid yet (nbf)', () => signedBy(rsa, { nbf: clock() + 120 })],
    ['issued in the future (iat)', () => signedBy(ec, { iat: clock() + 120 })],
  ])('refuses a token %s: UNAUTHENTICATED', async (_name, make) => {
    const res = await t.gql(ME, {}, make());
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('follows key rotation: a new kid is fetched and accepted, a removed key is refused once the set is refreshed', async () => {
    const before = signedBy(rsa);
    expect(await me(before)).toBe(cadreId);
    // a kid not yet published, while jose's 30 s cooldown still holds: refused without asking again
    expect(await me(signedBy(next))).toBeUndefined();
    const fetched = fetches;

    published = [next.jwk, ec.jwk];
    ahead += 31_000;
    expect(await me(signedBy(next))).toBe(cadreId);
    expect(fetches).toBe(fetched + 1);
    // the set now lacks rsa-2026: a token it verified before, remembered, is verified again and refused
    expect(await me(before)).toBeUndefined();
    expect(await me(signedBy(rsa))).toBeUndefined();
    expect(await me(signedBy(ec))).toBe(cadreId);
  });

  it('refreshes a key set older than 10 minutes: a key removed meanwhile is refused', async () => {
    const token = signedBy(ec);
    expect(await me(token)).toBe(cadreId);
    const fetched = fetches;
    published = [next.jwk];
    expect(await me(token)).toBe(cadreId); // the set is fresh: remembered
    ahead += 11 * 60_000;
    expect(await me(token)).toBeUndefined();
    expect(await me(signedBy(ec))).toBeUndefined();
    expect(await me(signedBy(next))).toBe(cadreId);
    expect(fetches).toBe(fetched + 1);
  });
});

describe('start-up with a weak development secret', () => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => {
    const base = join(ROOT, '.data');
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'tokens-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on an empty development secret file, naming it and how to fix it', async () => {
    writeFileSync(join(dir, 'jwt-secret'), '\n');
    const service = new Child('src/main.ts', [], { NODE_ENV: 'development', DATA_DIR: dir });
    expect(await service.exited).toBe(1);
    expect(service.lines.join('\n')).toContain(
      `The development JWT secret file ${join(dir, 'jwt-secret')} is empty (at least 32 are needed). Delete the file`,
    );
  });
});
