import { randomBytes } from 'node:crypto';
import { APP_LOGIN } from '../../src/database/app-role';
import { withDatabase, withLogin } from '../../src/database/database-url';
import { createTestApp, ok, TestApp } from '../app-factory';
import { admin, testServer, viaPooler } from '../test-database';

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code } }`;

/**
 * Two instances of the service booting at once against one fresh, empty database (MIGRATIONS_RUN=true), as a
 * rolling deployment or a scaled-out start does. In the pooler run both the migrations and the service go
 * through PgBouncer in transaction mode: the migration lock is transaction-scoped, so it holds there too.
 */
describe('two instances on one database', () => {
  const { serverUrl, template, appPassword } = testServer();
  const name = `${template}_inst${randomBytes(4).toString('hex')}`;
  const database = {
    url: viaPooler(withDatabase(serverUrl, name)),
    appUrl: viaPooler(withLogin(withDatabase(serverUrl, name), APP_LOGIN, appPassword)),
  };
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('boot concurrently: the migrations run once, both come up and both serve the same state', async () => {
    const started = Date.now();
    [a, b] = await Promise.all([
      createTestApp({ MIGRATIONS_RUN: 'true' }, { database }),
      createTestApp({ MIGRATIONS_RUN: 'true' }, { database }),
    ]);
    process.stdout.write(`two instances booted on an empty database in ${Date.now() - started} ms\n`);
    const runs = await a.asOwner<{ name: string; n: number }>(
      `SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name`,
    );
    expect(runs).toHaveLength(a.ds.migrations.length);
    expect(runs.every((r) => r.n === 1)).toBe(true);

    const made = ok(
      await a.gql(CREATE_UNIT, {
        input: { code: 'INST', name: '两实例县', level: 'COUNTY', kind: 'GOVERNMENT' },
      }),
    ).createUnit;
    const seenByB = ok(await b.gql(`{ units { id code } }`)).units as { id: string; code: string }[];
    expect(seenByB.map((u) => u.id)).toContain(made.id);
    const again = ok(
      await b.gql(CREATE_UNIT, {
        input: { code: 'INST2', name: '两实例镇', level: 'TOWNSHIP', kind: 'GOVERNMENT' },
      }),
    ).createUnit;
    const seenByA = ok(await a.gql(`{ units { id } }`)).units as { id: string }[];
    expect(seenByA.map((u) => u.id)).toEqual(expect.arrayContaining([made.id, again.id]));
  });
});
