import { JwtService } from '@nestjs/jwt';
import { Role } from './caller';
import { TokenService } from './token.service';

const SECRET = 'token-service-spec-secret-token-service-spec-secret';

describe('TokenService.verify, remembering verified tokens', () => {
  const tokens = new TokenService(new JwtService({}), { secret: SECRET });
  afterEach(() => jest.restoreAllMocks());

  it('accepts a token again until its exp, then refuses it', async () => {
    const token = tokens.sign({ sub: 'u1', role: Role.ADMIN }, 60);
    const issued = Date.now();
    expect(await tokens.verify(token)).toEqual({ sub: 'u1', role: Role.ADMIN });
    expect(await tokens.verify(token)).toEqual({ sub: 'u1', role: Role.ADMIN });
    jest.spyOn(Date, 'now').mockReturnValue(issued + 58_000);
    expect(await tokens.verify(token)).toEqual({ sub: 'u1', role: Role.ADMIN });
    jest.spyOn(Date, 'now').mockReturnValue(issued + 61_000);
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('hands out a copy each time, and never a token it could not verify', async () => {
    const token = tokens.sign({ sub: 'u2', role: Role.ADMIN });
    const first = await tokens.verify(token);
    if (!first) throw new Error('not verified');
    first.role = Role.CADRE;
    expect(await tokens.verify(token)).toEqual({ sub: 'u2', role: Role.ADMIN });
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect(await tokens.verify(forged)).toBeUndefined();
    expect(await tokens.verify(forged)).toBeUndefined();
  });
});

describe('TokenService secrets, audience, issuer and lifetimes', () => {
  const jwt = new JwtService({});
  const payload = (token: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

  it('refuses to be built with an empty or short secret', () => {
    expect(() => new TokenService(jwt, { secret: '' })).toThrow(/at least 32 bytes/);
    expect(() => new TokenService(jwt, { secret: 'x'.repeat(31) })).toThrow(/at least 32 bytes/);
  });

  it('signs with the configured aud and iss, and requires them', async () => {
    const ours = new TokenService(jwt, { secret: SECRET, audience: 'svc', issuer: 'https://idp/' });
    const token = ours.sign({ sub: 'u3', role: Role.ADMIN });
    expect(payload(token)).toMatchObject({ aud: 'svc', iss: 'https://idp/' });
    expect(await ours.verify(token)).toEqual({ sub: 'u3', role: Role.ADMIN });
    const elsewhere = new TokenService(jwt, { secret: SECRET, audience: 'other', issuer: 'https://idp/' });
    expect(await elsewhere.verify(token)).toBeUndefined();
    const plain = new TokenService(jwt, { secret: SECRET }).sign({ sub: 'u3', role: Role.ADMIN });
    expect(payload(plain)).not.toHaveProperty('aud');
    expect(await ours.verify(plain)).toBeUndefined();
  });

  it('does not check aud and iss when none is configured', async () => {
    const signer = new TokenService(jwt, { secret: SECRET, audience: 'svc', issuer: 'https://idp/' });
    const token = signer.sign({ sub: 'u4', role: Role.ADMIN });
    expect(await new TokenService(jwt, { secret: SECRET }).verify(token)).toEqual({
      sub: 'u4',
      role: Role.ADMIN,
    });
  });

  it('signs for 8 h by default, for less when the maximum is shorter, and never beyond it', () => {
    const lifetime = (token: string) => (payload(token).exp as number) - (payload(token).iat as number);
    const tokens = new TokenService(jwt, { secret: SECRET });
    expect(lifetime(tokens.sign({ sub: 'u5', role: Role.ADMIN }))).toBe(8 * 3600);
    expect(lifetime(tokens.sign({ sub: 'u5', role: Role.ADMIN }, '30m'))).toBe(1800);
    expect(lifetime(tokens.sign({ sub: 'u5', role: Role.ADMIN }, '1d'))).toBe(86_400);
    expect(() => tokens.sign({ sub: 'u5', role: Role.ADMIN }, '25h')).toThrow(/at most 86400 s/);
    expect(() => tokens.sign({ sub: 'u5', role: Role.ADMIN }, 'soon')).toThrow(/like 30m, 8h, 1d/);
    const short = new TokenService(jwt, { secret: SECRET, maxTtlSeconds: 3600 });
    expect(lifetime(short.sign({ sub: 'u5', role: Role.ADMIN }))).toBe(3600);
    expect(() => short.sign({ sub: 'u5', role: Role.ADMIN }, '2h')).toThrow(/JWT_MAX_TTL_SECONDS/);
  });

  it('refuses a token living longer than its maximum, the second time too', async () => {
    const token = new TokenService(jwt, { secret: SECRET }).sign({ sub: 'u6', role: Role.ADMIN }, '2h');
    const strict = new TokenService(jwt, { secret: SECRET, maxTtlSeconds: 3600 });
    expect(await strict.verify(token)).toBeUndefined();
    expect(await strict.verify(token)).toBeUndefined();
  });
});
