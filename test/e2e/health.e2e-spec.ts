import request from 'supertest';
import { createTestApp, TestApp } from '../app-factory';

describe('health endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'error' });
  });
  afterAll(() => t.close());

  const get = (path: string) => request(t.app.getHttpServer()).get(path);

  it('GET /health/live answers 200 without a token', async () => {
    const res = await get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 when the database answers and every migration is applied', async () => {
    const res = await get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('goes red with 503 while a migration is missing, naming no table, and green again once it is back', async () => {
    // the migrations table is the owner's: the app only reads it
    const [last] = await t.ds.query('SELECT * FROM typeorm_migrations ORDER BY id DESC LIMIT 1');
    await t.asOwner('DELETE FROM typeorm_migrations WHERE id = $1', [last.id]);
    try {
      const res = await get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: 'error',
        error: { migrations: { status: 'down', message: '1 migration(s) not applied.' } },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/typeorm|SELECT/);
    } finally {
      await t.asOwner('INSERT INTO typeorm_migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
    expect((await get('/health/ready')).status).toBe(200);
  });
});
