import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, NODE_ENV: 'development', MIGRATIONS_RUN: true, DATA_DIR: '.data' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('has hardening defaults: depth 10, a generous rate limit, statement timeout below the request timeout', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ GRAPHQL_MAX_DEPTH: 10, GRAPHQL_MAX_ALIASES: 50, RATE_LIMIT_MAX: 1200 });
    expect(c.DB_STATEMENT_TIMEOUT_MS).toBeLessThan(c.REQUEST_TIMEOUT_MS);
    expect(c.logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('error');
  });

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '4000', MIGRATIONS_RUN: 'false', DATABASE_URL: 'postgres://x@h/db' });
    expect(c).toMatchObject({ PORT: 4000, MIGRATIONS_RUN: false, DATABASE_URL: 'postgres://x@h/db' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'x'.repeat(31) }, 'JWT_SECRET'],
    [{ JWT_JWKS_URL: 'idp.example/jwks' }, 'JWT_JWKS_URL'],
    [{ JWT_MAX_TTL_SECONDS: '10' }, 'JWT_MAX_TTL_SECONDS'],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '3600' }, 'JWT_CLOCK_TOLERANCE_SECONDS'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_STATEMENT_TIMEOUT_MS: '5' }, 'DB_STATEMENT_TIMEOUT_MS'],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, 'REQUEST_TIMEOUT_MS'],
    [{ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_COST: '-1' }, 'GRAPHQL_MAX_COST'],
    [{ RATE_LIMIT_MAX: '1.5' }, 'RATE_LIMIT_MAX'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TZ: 'Beijing' }, 'TZ'],
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}=`));
  });

  it('measures JWT_SECRET in bytes: 32 ASCII characters, or 11 Chinese ones (33 bytes)', () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    expect(loadConfig({ JWT_SECRET: '干部成长通道密钥不可外传' }).JWT_SECRET).toBe(
      '干部成长通道密钥不可外传',
    );
  });

  it('token defaults: 24 h longest HS256 lifetime, 30 s clock tolerance, no audience or issuer', () => {
    expect(loadConfig({})).toMatchObject({ JWT_MAX_TTL_SECONDS: 86_400, JWT_CLOCK_TOLERANCE_SECONDS: 30 });
    expect(loadConfig({}).JWT_AUDIENCE).toBeUndefined();
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      DATABASE_URL: 'postgres://app@h/db',
    };

    it('requires JWT_AUDIENCE and JWT_ISSUER, naming both', () => {
      expect(() => loadConfig(production)).toThrow(
        /Invalid configuration:\n {2}JWT_AUDIENCE: required when NODE_ENV=production.*\n {2}JWT_ISSUER: required/,
      );
      expect(() => loadConfig({ ...production, JWT_AUDIENCE: 'cadre-pathways' })).toThrow(
        /JWT_ISSUER: required when NODE_ENV=production/,
      );
    });

    it('requires an https JWKS URL', () => {
      const env = { ...production, JWT_AUDIENCE: 'cadre-pathways', JWT_ISSUER: 'https://idp.example/' };
      expect(loadConfig(env).isProduction).toBe(true);
      expect(() => loadConfig({ ...env, JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow(
        /JWT_JWKS_URL="http:\/\/idp.example\/jwks": must be https/,
      );
      expect(loadConfig({ ...env, JWT_JWKS_URL: 'https://idp.example/jwks' }).JWT_JWKS_URL).toBe(
        'https://idp.example/jwks',
      );
    });
  });
  it('production without DATABASE_URL refuses to boot, naming DATABASE_URL and EMBEDDED_POSTGRES', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      JWT_AUDIENCE: 'cadre-pathways',
      JWT_ISSUER: 'https://idp.example/',
    };
    expect(() => loadConfig(production)).toThrow(/DATABASE_URL is required[\s\S]*EMBEDDED_POSTGRES=true/);
    expect(loadConfig({ ...production, EMBEDDED_POSTGRES: 'true' }).EMBEDDED_POSTGRES).toBe(true);
    expect(loadConfig({ ...production, DATABASE_URL: 'postgres://app@h/db' }).DATABASE_URL).toBe(
      'postgres://app@h/db',
    );
    // development keeps starting the embedded server by itself
    expect(loadConfig({}).EMBEDDED_POSTGRES).toBe(false);
  });

  it('reads MIGRATION_DATABASE_URL beside DATABASE_URL, and refuses it alone', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://app@h/db',
      MIGRATION_DATABASE_URL: 'postgres://owner@h/db',
    });
    expect(c).toMatchObject({
      DATABASE_URL: 'postgres://app@h/db',
      MIGRATION_DATABASE_URL: 'postgres://owner@h/db',
    });
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@h/db' })).toThrow(
      /MIGRATION_DATABASE_URL is set but DATABASE_URL is not/,
    );
  });
});
