import { cookieValue, LOGIN_COOKIE_SECONDS, LoginCookies, loginCookieHeader } from './login-cookie';

describe('LoginCookies', () => {
  const cookies = new LoginCookies('a-secret-of-at-least-thirty-two-bytes!');
  const login = { state: 's1', nonce: 'n1', verifier: 'v1' };
  const now = Date.UTC(2026, 11, 5, 8, 0, 0);

  it('opens what it sealed, until it expires', () => {
    const value = cookies.seal(login, now);
    expect(cookies.open(value, now)).toEqual(login);
    expect(cookies.open(value, now + (LOGIN_COOKIE_SECONDS - 1) * 1000)).toEqual(login);
    expect(cookies.open(value, now + LOGIN_COOKIE_SECONDS * 1000)).toBeUndefined();
  });

  it('refuses an altered body, another key, a missing or malformed value', () => {
    const [body, mac] = cookies.seal(login, now).split('.');
    const other = Buffer.from(JSON.stringify({ ...login, state: 's2', exp: 9e9 })).toString('base64url');
    expect(cookies.open(`${other}.${mac}`, now)).toBeUndefined();
    expect(
      new LoginCookies('another-secret-of-thirty-two-bytes!!').open(`${body}.${mac}`, now),
    ).toBeUndefined();
    for (const bad of [undefined, '', body, `${body}.`, `${body}.${mac}.x`, `${body}.${mac.slice(1)}`])
      expect(cookies.open(bad, now)).toBeUndefined();
  });

  it('reads one cookie from a Cookie header and writes an HttpOnly, Lax, /auth cookie', () => {
    expect(cookieValue('a=1; cp_oidc_login=x.y ; b=2', 'cp_oidc_login')).toBe('x.y');
    expect(cookieValue(undefined, 'cp_oidc_login')).toBeUndefined();
    expect(loginCookieHeader('v', true)).toBe(
      'cp_oidc_login=v; Path=/auth; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
    );
    expect(loginCookieHeader('', false, 0)).toBe(
      'cp_oidc_login=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax',
    );
  });
});
