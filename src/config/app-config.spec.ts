import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, NODE_ENV: 'development', MIGRATIONS_RUN: true, DATA_DIR: '.data' });
    expect(c.DATABASE_URL).toBeUndefined();
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
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}=`));
  });
});
