import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { Role } from '../../src/auth/caller';
import { TokenService } from '../../src/auth/token.service';
import { createHttpAdapter } from '../../src/common/http/http-adapter';
import { loadConfig } from '../../src/config/app-config';
import {
  createTestApp,
  initApp,
  TEST_JWT_AUDIENCE,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
  TestApp,
} from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { Child, freePort, ROOT } from './support/child';

const UNITS = '{ units { id } }';
const CREATE_UNIT = `mutation($code: String!) { createUnit(input: { code: $code, name: "n", level: COUNTY, kind: GOVERNMENT }) { id } }`;

/** Polls `probe` until it returns true (bounded by count, not by asserting any duration). */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

describe('database restarted while the service runs', () => {
  jest.setTimeout(180_000);
  let pg: Child;
  let dir: string;
  let app: NestFastifyApplication;
  let admin: string;

  beforeAll(async () => {
    const base = join(ROOT, '.data');
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'restart-'));
    pg = new Child('test/e2e/support/pg-server.ts', [join(dir, 'data'), String(await freePort())], {});
    const url = (await pg.waitFor(/^READY /)).slice('READY '.length);
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DB_POOL_SIZE: '3' });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ config, databaseUrl: url })],
    }).compile();
    app = await initApp(
      moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
        logger: ['error'],
      }),
    );
    admin = app.get(TokenService).sign({ sub: 'restart-admin', role: Role.ADMIN });
  });

  afterAll(async () => {
    await app?.close();
    pg?.send('exit');
    await pg?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = async (): Promise<number> => (await request(app.getHttpServer()).get('/health/ready')).status;
  const gql = async (query: string, variables: Record<string, unknown> = {}) =>
    (
      await request(app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${admin}`)
        .send({ query, variables })
    ).body as { data?: Record<string, unknown> | null; errors?: { extensions: Record<string, unknown> }[] };

  it('goes red while the database is down, answers requests with a clean error, then green; requests resume', async () => {
    expect(await ready()).toBe(200);
    expect((await gql(CREATE_UNIT, { code: 'BEFORE' })).errors).toBeUndefined();

    pg.send('stop');
    await pg.waitFor(/^STOPPED/);
    await eventually(async () => (await ready()) === 503, '/health/ready went red');
    const during = await gql(UNITS);
    expect(during.errors?.[0].extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      requestId: expect.any(String),
    });

    pg.send('start');
    await pg.waitFor(/^STARTED/);
    await eventually(async () => (await ready()) === 200, '/health/ready went green');
    const after = await gql(CREATE_UNIT, { code: 'AFTER' });
    expect(after.errors).toBeUndefined();
    const units = await gql(UNITS);
    expect((units.data?.units as unknown[]).length).toBe(2);
  });
});

describe('start-up', () => {
  jest.setTimeout(120_000);
  it('stops with a message naming a bad configuration value', async () => {
    const service = new Child('src/main.ts', [], {
      NODE_ENV: 'production',
      JWT_SECRET: TEST_JWT_SECRET,
      JWT_AUDIENCE: TEST_JWT_AUDIENCE,
      JWT_ISSUER: TEST_JWT_ISSUER,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      GRAPHQL_MAX_DEPTH: '0',
    });
    expect(await service.exited).toBe(1);
    expect(service.lines.join('\n')).toMatch(/Invalid configuration:\s+GRAPHQL_MAX_DEPTH=0: .*less than 1/);
  });
});

/** Backends of any cadre-pathways process on the side session's database. */
async function appBackends(side: Client): Promise<number[]> {
  await side.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await side.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'cadre-pathways' ORDER BY pid`,
  );
  return rows.map((r) => r.pid);
}

describe('graceful shutdown on SIGTERM', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stops accepting, lets the request in flight finish, closes the pool and exits 0', async () => {
    const url = (t.ds.options as { url?: string }).url ?? '';
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const posting = await makePosting(t.ds, cadre.id, unit.id);
    const port = await freePort();
    const service = new Child('src/main.ts', [], {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: String(port),
      MIGRATIONS_RUN: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      JWT_AUDIENCE: TEST_JWT_AUDIENCE,
      JWT_ISSUER: TEST_JWT_ISSUER,
      DB_POOL_SIZE: '2',
    });
    const side = new Client({ connectionString: url });
    await side.connect();
    const ownBackends = await appBackends(side);
    try {
      await service.waitFor(/GraphQL ready/);
      // hold the posting so that the update below stays in flight
      await side.query('BEGIN');
      await side.query('SELECT id FROM posting WHERE id = $1 FOR UPDATE', [posting.id]);
      const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({
          query:
            'mutation Finish($id: ID!, $title: String!) { updatePosting(input: { id: $id, title: $title }) { title } }',
          variables: { id: posting.id, title: 'Finished' },
        }),
      });
      await eventually(async () => {
        await side.query('SELECT pg_stat_clear_snapshot()'); // activity is a snapshot per transaction
        const { rows } = await side.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
              AND application_name = 'cadre-pathways' AND wait_event_type = 'Lock'`,
        );
        return rows.length > 0;
      }, 'the update waits on the lock');
      service.proc.kill('SIGTERM');
      await service.waitFor(/SIGTERM: draining/);
      // new connections are refused while the request in flight is still running
      await eventually(
        () =>
          fetch(`http://127.0.0.1:${port}/health/live`).then(
            () => false,
            () => true,
          ),
        'the service stopped accepting',
      );
      await side.query('ROLLBACK');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { updatePosting: { title: 'Finished' } } });
      expect(await service.exited).toBe(0);
      // its JSON log line: request id, operation, role, duration; no token, no variables
      const logged = service.lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.operation === 'Finish');
      expect(logged).toMatchObject({
        req: { id: expect.any(String), method: 'POST', url: '/graphql' },
        res: { statusCode: 200 },
        operationType: 'mutation',
        role: 'ADMIN',
        sub: 'test-admin',
        durationMs: expect.any(Number),
      });
      const all = service.lines.join('\n');
      expect(all).not.toContain(t.adminToken);
      expect(all).not.toContain('Finished');
      expect(all).not.toMatch(/authorization/i);
      // no connection of the service is left (this test's own app has its own, counted before the start)
      expect((await appBackends(side)).filter((pid) => !ownBackends.includes(pid))).toEqual([]);
    } finally {
      await side.end();
      if (service.proc.exitCode === null) service.proc.kill('SIGKILL');
    }
  });
});
