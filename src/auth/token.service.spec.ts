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
