import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { TokenService } from '../../src/auth/token.service';
import { Readiness } from '../../src/health/readiness';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../app-factory';
import { Child, freePort, ROOT } from './support/child';

/** Polls `probe` until it returns true (bounded by count, not by asserting any duration). */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

/**
 * The service on its embedded PostgreSQL (no DATABASE_URL), whose server is killed under it: readiness goes red,
 * the service starts the server again, readiness goes green and requests are answered. SIGTERM then turns
 * readiness red for a connection already open, while the request on it is answered.
 */
const SLOW = 300_000; // initdb, every migration, then a restart, on a shared machine

describe('the embedded database dies under the service', () => {
  let dir: string;
  let service: Child;
  let base: string;

  beforeAll(async () => {
    const parent = join(ROOT, '.data');
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(join(parent, 'embedded-restart-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = new Child('src/main.ts', [], {
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(await freePort()),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'info',
      TS_NODE_TRANSPILE_ONLY: 'true',
    });
    await service.waitFor(/GraphQL ready/);
  }, SLOW);

  afterAll(async () => {
    if (service && service.proc.exitCode === null) {
      service.proc.kill('SIGTERM');
      await service.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }, SLOW);

  const ready = (): Promise<number> =>
    fetch(`${base}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );

  it(
    'is restarted: readiness red, then green, and the service answers again',
    async () => {
      expect(await ready()).toBe(200);
      const pid = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      await eventually(async () => (await ready()) === 503, '/health/ready went red');
      await service.waitFor(/Embedded PostgreSQL exited \(SIGKILL\); restarting it/);
      await service.waitFor(/Embedded PostgreSQL restarted/);
      await eventually(async () => (await ready()) === 200, '/health/ready went green');
      const admin = new TokenService(new JwtService({}), { secret: TEST_JWT_SECRET }).sign({
        sub: 'restart-admin',
        role: Role.ADMIN,
      });
      const gql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ units { id } }' }),
      });
      expect(await gql.json()).toEqual({ data: { units: [] } });
      const newPid = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(newPid).not.toBe(pid);
      expect(service.proc.exitCode).toBeNull();
    },
    SLOW,
  );
});

describe('readiness while draining', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is red from the moment SIGTERM sets draining (main.ts), with the database still answering', async () => {
    const ready = () => request(t.app.getHttpServer()).get('/health/ready');
    expect((await ready()).status).toBe(200);
    t.app.get(Readiness).draining = true;
    const res = await ready();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'error',
      error: { service: { status: 'down', message: 'Shutting down.' } },
    });
    // liveness stays green: the process is fine, it is only leaving
    expect((await request(t.app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});
