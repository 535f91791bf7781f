import { Inject, Injectable } from '@nestjs/common';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { createPublicKey, createSecretKey } from 'node:crypto';
import { createRemoteJWKSet, CryptoKey, jwtVerify, RemoteJWKSet } from 'jose';
import { Caller } from './caller';
import { MIN_SECRET_BYTES } from './jwt-secret';
import { callerOf, timesAllowed, ttlSeconds } from './token-claims';
import { TOKEN_OPTIONS, TokenOptions } from './token-options';

/** Tokens whose verification is remembered; past that, the oldest are forgotten first. */
const VERIFIED_TOKENS = 10_000;
/** What `npm run token` and sign() give when no lifetime is asked for (or JWT_MAX_TTL_SECONDS if shorter). */
const DEFAULT_TTL_SECONDS = 8 * 3600;
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

type Header = { alg: string; kid?: string } & Record<string, unknown>;

/** A token's verified caller, until its exp; for a JWKS token, with the key that verified it. */
interface Verified {
  caller: Caller;
  until: number;
  jwks?: { header: Header; key: CryptoKey };
}

/** The `alg` and `kid` a token's header claims, or undefined when the header is not readable JSON. */
function headerOf(token: string): Header | undefined {
  try {
    const h: unknown = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    if (typeof h !== 'object' || !h || !('alg' in h) || typeof h.alg !== 'string') return undefined;
    return 'kid' in h && typeof h.kid === 'string' ? { alg: h.alg, kid: h.kid } : { alg: h.alg };
  } catch {
    return undefined;
  }
}

/**
 * Verifies bearer tokens and reads their claims. HS256 tokens are checked against the secret; RS256/ES256 tokens
 * with a `kid` against the identity provider's JWKS when JWT_JWKS_URL is set; other RS256 tokens against
 * JWT_PUBLIC_KEY when set. Each key is used with its own algorithms only, so an HS256 token "signed" with the
 * public key text (algorithm confusion) fails, and `alg: none` is always refused. Every token needs `exp`, an
 * `nbf` and `iat` not in the future (give or take the clock tolerance), and the configured `aud` and `iss`; our
 * own HS256 tokens may live at most JWT_MAX_TTL_SECONDS.
 */
@Injectable()
export class TokenService {
  /**
   * Verifiers holding their key as a KeyObject made once: given the key as text, jsonwebtoken parses it again
   * on every verify, and for the HS256 secret first tries it as a PEM public key and throws (a third of the CPU
   * of the cheapest request in npm run bench). jsonwebtoken rather than jose for these: jose's HMAC goes
   * through WebCrypto, ten times slower.
   */
  private readonly hs256: JwtService;
  private readonly rs256?: JwtService;
  /** jose's remote key set: cached, refetched when stale (10 min) or on an unknown kid (at most every 30 s). */
  private readonly jwks?: RemoteJWKSet;
  private readonly secret: string;
  private readonly audience?: string;
  private readonly issuer?: string;
  private readonly maxTtlSeconds: number;
  private readonly toleranceSeconds: number;
  /**
   * What a token lately verified said, until it expires. A verification costs ~13 µs (an HMAC and two JSON
   * parses, a tenth of the cheapest request in npm run bench); its outcome for one token text changes only
   * when the token's `exp` passes (an `nbf` or `iat` once past stays past; audience, issuer and lifetime are
   * fixed at start), so the caller is read from here until then. A JWKS token is taken from here only while
   * the key set still serves the very key that verified it: a refetched set makes it verified again, and a
   * removed key refuses it. Only accepted tokens are kept, and only so many.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(TOKEN_OPTIONS) options: TokenOptions,
  ) {
    if (Buffer.byteLength(options.secret) < MIN_SECRET_BYTES) {
      throw new Error(`The HS256 secret must be at least ${MIN_SECRET_BYTES} bytes.`);
    }
    this.secret = options.secret;
    this.audience = options.audience;
    this.issuer = options.issuer;
    this.maxTtlSeconds = options.maxTtlSeconds ?? 86_400;
    this.toleranceSeconds = options.clockToleranceSeconds ?? 30;
    this.hs256 = new JwtService({ secret: createSecretKey(Buffer.from(options.secret)) });
    if (options.publicKey !== undefined) {
      this.rs256 = new JwtService({ publicKey: createPublicKey(options.publicKey) });
    }
    if (options.jwksUrl !== undefined) this.jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  }

  async verify(token: string): Promise<Caller | undefined> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (now < known.until && (!known.jwks || (await this.stillServed(known.jwks))))
        return { ...known.caller };
      this.verified.delete(token);
    }
    const verified = await this.verifyToken(token, now);
    if (!verified) return undefined;
    if (this.verified.size >= VERIFIED_TOKENS)
      this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, verified);
    return { ...verified.caller };
  }

  private async verifyToken(token: string, now: number): Promise<Verified | undefined> {
    const header = headerOf(token);
    if (!header) return undefined;
    let claims: Record<string, unknown>;
    let jwks: Verified['jwks'];
    try {
      if (header.alg === 'HS256') {
        claims = await this.hs256.verifyAsync(token, this.jwtChecks(['HS256'], now));
      } else if (this.jwks && header.kid !== undefined && JWKS_ALGORITHMS.includes(header.alg)) {
        const remote = this.jwks;
        let key: CryptoKey | undefined;
        const { payload } = await jwtVerify(token, async (h, t) => (key = await remote(h, t)), {
          algorithms: JWKS_ALGORITHMS,
          audience: this.audience,
          issuer: this.issuer,
          clockTolerance: this.toleranceSeconds,
          currentDate: new Date(now),
        });
        claims = payload;
        if (key) jwks = { header, key };
      } else if (this.rs256 && header.alg === 'RS256') {
        claims = await this.rs256.verifyAsync(token, this.jwtChecks(['RS256'], now));
      } else {
        return undefined;
      }
    } catch {
      return undefined;
    }
    const maxTtlSeconds = header.alg === 'HS256' ? this.maxTtlSeconds : undefined;
    if (!timesAllowed(claims, now, { toleranceSeconds: this.toleranceSeconds, maxTtlSeconds }))
      return undefined;
    const caller = callerOf(claims);
    return caller && { caller, until: (claims.exp as number) * 1000, jwks };
  }

  /** jsonwebtoken's options for the same checks jose makes for JWKS tokens. */
  private jwtChecks(algorithms: JwtVerifyOptions['algorithms'], now: number): JwtVerifyOptions {
    return {
      algorithms,
      audience: this.audience,
      issuer: this.issuer,
      clockTolerance: this.toleranceSeconds,
      clockTimestamp: Math.floor(now / 1000),
    };
  }

  /** Whether the key set (refetched by jose when stale) still gives this header the key that verified it. */
  private async stillServed(jwks: NonNullable<Verified['jwks']>): Promise<boolean> {
    try {
      return (await this.jwks?.(jwks.header)) === jwks.key;
    } catch {
      return false;
    }
  }

  /** Our own HS256 token, with the configured aud and iss, for `ttl` (8 h by default, never above the maximum). */
  sign(caller: Caller, ttl: string | number = Math.min(DEFAULT_TTL_SECONDS, this.maxTtlSeconds)): string {
    const seconds = ttlSeconds(ttl);
    if (seconds > this.maxTtlSeconds) {
      throw new Error(
        `A token may live at most ${this.maxTtlSeconds} s (JWT_MAX_TTL_SECONDS); asked for ${ttl}.`,
      );
    }
    const { sub, requestId: _requestId, deadline: _deadline, ...claims } = caller;
    return this.jwt.sign(claims, {
      secret: this.secret,
      algorithm: 'HS256',
      subject: sub,
      expiresIn: seconds,
      ...(this.audience !== undefined && { audience: this.audience }),
      ...(this.issuer !== undefined && { issuer: this.issuer }),
    });
  }
}
