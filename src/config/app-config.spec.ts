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
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_STATEMENT_TIMEOUT_MS: '5' }, 'DB_STATEMENT_TIMEOUT_MS'],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, 'REQUEST_TIMEOUT_MS'],
    [{ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_COST: '-1' }, 'GRAPHQL_MAX_COST'],
    [{ RATE_LIMIT_MAX: '1.5' }, 'RATE_LIMIT_MAX'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}=`));
  });

  it('production without DATABASE_URL refuses to boot, naming DATABASE_URL and EMBEDDED_POSTGRES', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
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
