import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { Caller, Role } from './caller';

export const JWT_SECRET = Symbol('JWT_SECRET');

const ROLES = new Set<string>(Object.values(Role));

/** Verifies bearer tokens (HS256 only: `alg: none` and other algorithms are refused) and reads their claims. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  async verify(token: string): Promise<Caller | undefined> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
      });
    } catch {
      return undefined;
    }
    const { sub, role, unitId, cadreId, source } = claims;
    if (typeof sub !== 'string' || typeof role !== 'string' || !ROLES.has(role)) return undefined;
    const r = role as Role;
    const caller: Caller = { sub, role: r };
    if (r === Role.ORG_DEPT) {
      if (typeof unitId !== 'string' || !isUUID(unitId)) return undefined;
      caller.unitId = unitId;
    }
    if (r === Role.CADRE) {
      if (typeof cadreId !== 'string' || !isUUID(cadreId)) return undefined;
      caller.cadreId = cadreId;
    }
    if (r === Role.HR_SYNC) {
      if (typeof source !== 'string' || source.length === 0) return undefined;
      caller.source = source;
    }
    return caller;
  }

  sign(caller: Caller, ttl: string | number = '8h'): string {
    const { sub, ...claims } = caller;
    return this.jwt.sign(claims, {
      secret: this.secret,
      algorithm: 'HS256',
      subject: sub,
      expiresIn: ttl as never,
    });
  }
}
