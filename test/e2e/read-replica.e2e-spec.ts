import { APP_LOGIN, ensureAppLogin } from '../../src/database/app-role';
import { createDatabaseIfMissing, withDatabase, withLogin } from '../../src/database/database-url';
import { createTestApp, ok, TestApp } from '../app-factory';
import { ReplicaPair, startReplicaPair } from './support/streaming-replica';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';

const CREATE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id name } }`;
const GET = `query($id: ID!) { cadre(id: $id) { id name } }`;
const LIST = `{ cadres(first: 100) { totalCount edges { node { id } } } }`;
const POLICY = `{ policy { version } }`;

const input = (name: string) => ({
  externalId: `HR-${Math.random().toString(36).slice(2, 10)}`,
  name,
  gender: 'FEMALE',
  birthDate: '1986-04-12',
  workStartDate: '2009-07-01',
  educationLevel: 'BACHELOR',
});

/**
 * DATABASE_REPLICA_URLS against a real streaming replica (support/streaming-replica.ts). Replay on the replica
 * is paused to make the routing visible: a list then does not show a cadre the primary already has.
 */
describe('read replicas', () => {
  let pair: ReplicaPair;
  let t: TestApp;
  let listIds: () => Promise<string[]>;

  beforeAll(async () => {
    pair = await startReplicaPair();
    const db = 'cadre_pathways';
    await createDatabaseIfMissing(pair.primaryUrl, db);
    const ownerUrl = withDatabase(pair.primaryUrl, db);
    await ensureAppLogin(ownerUrl, APP_LOGIN, 'replica-test');
    const migrator = await new DataSource(dataSourceOptions(ownerUrl, 1)).initialize();
    await runMigrations(migrator).finally(() => migrator.destroy());
    const app = (server: string) => withLogin(withDatabase(server, db), APP_LOGIN, 'replica-test');
    t = await createTestApp(
      { DATABASE_REPLICA_URLS: app(pair.replicaUrl) },
      { database: { url: ownerUrl, appUrl: app(pair.primaryUrl) } },
    );
    listIds = async () =>
      (ok(await t.gql(LIST)).cadres.edges as { node: { id: string } }[]).map((e) => e.node.id);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await pair?.stop();
  });

  it('a list is served by the replica; the mutation and the record read after it by the primary', async () => {
    const first = ok(await t.gql(CREATE, { input: input('王晓燕') })).createCadre;
    await pair.caughtUp();
    expect(await listIds()).toContain(first.id);

    await pair.pauseReplay();
    try {
      const second = ok(await t.gql(CREATE, { input: input('赵立新') })).createCadre;
      expect(second.name).toBe('赵立新'); // the mutation's result: read on the primary, in its transaction
      expect(ok(await t.gql(GET, { id: second.id })).cadre.id).toBe(second.id); // read-your-writes
      const listed = await listIds(); // the replica has not replayed the insert
      expect(listed).toContain(first.id);
      expect(listed).not.toContain(second.id);
      expect(ok(await t.gql(POLICY)).policy.version).toBeGreaterThan(0); // policy reads on the replica too
    } finally {
      await pair.resumeReplay();
    }
    await pair.caughtUp();
    expect(await listIds()).toEqual(expect.arrayContaining([first.id]));
    expect((await listIds()).length).toBe(2);
  });

  it("the app's replica pool is connected to a server in recovery; its primary pool is not", async () => {
    const replica = t.ds.createQueryRunner('slave');
    const primary = t.ds.createQueryRunner('master');
    try {
      expect(await replica.query('SELECT pg_is_in_recovery() AS r')).toEqual([{ r: true }]);
      expect(await primary.query('SELECT pg_is_in_recovery() AS r')).toEqual([{ r: false }]);
    } finally {
      await replica.release();
      await primary.release();
    }
  });
});
