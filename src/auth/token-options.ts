import { AppConfig } from '../config/app-config';
import { resolveJwtPublicKey, resolveJwtSecret } from './jwt-secret';

export const TOKEN_OPTIONS = Symbol('TOKEN_OPTIONS');

/** What TokenService verifies and signs with. Only the secret is needed; the rest default as in AppConfig. */
export interface TokenOptions {
  /** HS256 key of our own tokens, at least 32 bytes. */
  secret: string;
  /** PEM public key of an identity provider (RS256). */
  publicKey?: string;
  /** JWKS of an identity provider (RS256/ES256 by kid). */
  jwksUrl?: string;
  /** When set, every token must carry it in `aud`, and ours are signed with it. */
  audience?: string;
  /** When set, every token must carry it as `iss`, and ours are signed with it. */
  issuer?: string;
  /** Longest life of an HS256 token. */
  maxTtlSeconds?: number;
  /** How far in the future `nbf` and `iat` may be. */
  clockToleranceSeconds?: number;
}

export function resolveTokenOptions(config: AppConfig): TokenOptions {
  return {
    secret: resolveJwtSecret(config),
    publicKey: resolveJwtPublicKey(config),
    jwksUrl: config.JWT_JWKS_URL,
    audience: config.JWT_AUDIENCE,
    issuer: config.JWT_ISSUER,
    maxTtlSeconds: config.JWT_MAX_TTL_SECONDS,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  };
}
