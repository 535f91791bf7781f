import { isUUID } from 'class-validator';
import { Caller, Role } from './caller';

const ROLES = new Set<string>(Object.values(Role));

export interface TimeRules {
  /** Seconds an issuer's clock may run ahead of ours (nbf and iat only; exp is kept to the second). */
  toleranceSeconds: number;
  /** Longest life a token may claim: exp − iat, or exp − now without iat. Unset: not limited. */
  maxTtlSeconds?: number;
}

/**
 * The time rules the JWT libraries leave out (they check nbf, and exp only when present, with the tolerance):
 * exp required and strict, iat not in the future, a bounded lifetime. `now` in milliseconds.
 */
export function timesAllowed(claims: Record<string, unknown>, now: number, rules: TimeRules): boolean {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || now >= exp * 1000) return false;
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return false;
  if (iat !== undefined && iat * 1000 > now + rules.toleranceSeconds * 1000) return false;
  if (rules.maxTtlSeconds === undefined) return true;
  const lifetime = iat === undefined ? exp - now / 1000 : exp - iat;
  return lifetime <= rules.maxTtlSeconds;
}

/** The caller a token's claims name, or undefined when the claim its role needs is missing or malformed. */
export function callerOf(claims: Record<string, unknown>): Caller | undefined {
  const { sub, role, unitId, cadreId, source } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || typeof role !== 'string' || !ROLES.has(role)) {
    return undefined;
  }
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

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90", 90, "30m", "8h", "1d" in seconds; anything else throws. */
export function ttlSeconds(ttl: string | number): number {
  const match = /^(\d+)([smhd]?)$/.exec(String(ttl).trim());
  const seconds = match ? Number(match[1]) * TTL_UNITS[match[2] || 's'] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`A token lifetime is a positive number of seconds or like 30m, 8h, 1d; got ${ttl}.`);
  }
  return seconds;
}
