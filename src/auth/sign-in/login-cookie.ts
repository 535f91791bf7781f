import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that carries an OIDC login from /auth/login to /auth/callback. */
export const LOGIN_COOKIE = 'cp_oidc_login';
/** A login must come back within this long. */
export const LOGIN_COOKIE_SECONDS = 600;

/** What the callback needs to check the answer: the state, nonce and PKCE verifier sent with the request. */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * Seals a pending login into an HMAC-signed cookie value (key derived from the service's token secret, so
 * nothing new to configure and no server-side store): `<base64url JSON>.<base64url HMAC>`. The value is not
 * secret from its browser (the verifier only matters with the code, which the browser also sees), but it
 * cannot be forged or altered, and it expires.
 */
export class LoginCookies {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('cadre-pathways oidc login cookie').digest();
  }

  seal(login: PendingLogin, now = Date.now()): string {
    const body = Buffer.from(
      JSON.stringify({ ...login, exp: Math.floor(now / 1000) + LOGIN_COOKIE_SECONDS }),
    ).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The pending login, or undefined when the value is missing, altered or expired. */
  open(value: string | undefined, now = Date.now()): PendingLogin | undefined {
    const [body, mac, extra] = (value ?? '').split('.');
    if (!body || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      const { state, nonce, verifier, exp } = p;
      if (typeof exp !== 'number' || exp * 1000 <= now) return undefined;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string')
        return undefined;
      return { state, nonce, verifier };
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Set-Cookie for the pending login (Path=/auth, HttpOnly, SameSite=Lax so the IdP's redirect brings it back). */
export function loginCookieHeader(value: string, secure: boolean, maxAge = LOGIN_COOKIE_SECONDS): string {
  return [
    `${LOGIN_COOKIE}=${value}`,
    'Path=/auth',
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
