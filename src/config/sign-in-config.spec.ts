import { loadConfig } from './app-config';

describe('sign-in configuration', () => {
  const oidc = {
    OIDC_ISSUER: 'https://idp.example/realms/cadre',
    OIDC_CLIENT_ID: 'cadre-pathways',
    OIDC_REDIRECT_URI: 'https://cadre.example/auth/callback',
  };

  it('defaults: no OIDC, the documented claim names, 8 h tokens', () => {
    const c = loadConfig({});
    expect(c.OIDC_ISSUER).toBeUndefined();
    expect(c).toMatchObject({
      OIDC_SCOPES: 'openid',
      OIDC_ROLE_CLAIM: 'cadre_role',
      OIDC_UNIT_CLAIM: 'cadre_unit',
      OIDC_CADRE_CLAIM: 'cadre_id',
      OIDC_SOURCE_CLAIM: 'cadre_source',
      SIGN_IN_TTL_SECONDS: 28_800,
    });
  });

  it('takes an issuer with its client id and redirect URI, with or without a secret', () => {
    expect(loadConfig(oidc).OIDC_CLIENT_SECRET).toBeUndefined();
    expect(loadConfig({ ...oidc, OIDC_CLIENT_SECRET: 's' }).OIDC_CLIENT_SECRET).toBe('s');
  });

  it.each([
    [{ OIDC_ISSUER: oidc.OIDC_ISSUER }, /OIDC_CLIENT_ID: required when OIDC_ISSUER is set/],
    [{ ...oidc, OIDC_REDIRECT_URI: undefined }, /OIDC_REDIRECT_URI: required when OIDC_ISSUER is set/],
    [{ OIDC_CLIENT_ID: 'x' }, /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/],
    [{ ...oidc, OIDC_ISSUER: 'idp.example' }, /OIDC_ISSUER must be an http\(s\) URL/],
    [{ ...oidc, OIDC_SCOPES: 'openid  profile' }, /OIDC_SCOPES must be scope names/],
    [{ ...oidc, OIDC_ROLE_CLAIM: 'a claim' }, /OIDC_ROLE_CLAIM must be a claim name/],
    [{ SIGN_IN_TTL_SECONDS: '90000' }, /SIGN_IN_TTL_SECONDS: must not exceed JWT_MAX_TTL_SECONDS/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('wants https for the issuer and the redirect URI in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_AUDIENCE: 'a',
      JWT_ISSUER: 'i',
      DATABASE_URL: 'postgres://app@h/db',
    };
    expect(() => loadConfig({ ...production, ...oidc })).not.toThrow();
    expect(() =>
      loadConfig({ ...production, ...oidc, OIDC_ISSUER: 'http://idp.internal/realms/cadre' }),
    ).toThrow(/OIDC_ISSUER="http:\/\/idp.internal\/realms\/cadre": must be https/);
    expect(() =>
      loadConfig({ ...production, ...oidc, OIDC_REDIRECT_URI: 'http://cadre.example/auth/callback' }),
    ).toThrow(/OIDC_REDIRECT_URI=.*must be https/);
  });
});
