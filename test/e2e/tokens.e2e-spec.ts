import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
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
