import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import request from 'supertest';
import { createTestApp, GqlResult, ok, TEST_JWT_SECRET, TestApp } from '../app-factory';
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
    iat: now(),
    exp: now() + 600,
    ...over,
  });

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
