import request from 'supertest';
import { loadConfig } from '../../src/config/app-config';
import { Metrics } from '../../src/metrics/metrics';
import { MetricsController } from '../../src/metrics/metrics.controller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { createFileDatabase, FileDatabase } from '../test-database';
import { SYNC_UNITS, unitRecord } from './sync-fixtures';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample of the exposition text (labels in the order prom-client writes them), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (want.every((l) => have.includes(l))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  jest.setTimeout(120_000);
  let db: FileDatabase;
  let t: TestApp;
  const scrape = async (): Promise<string> => {
    const res = await request(t.app.getHttpServer())
      .get('/metrics')
      .set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  beforeAll(async () => {
    db = await createFileDatabase();
    // span refresh time is read from pg_stat_user_functions, which needs track_functions (set before the pool connects)
    const name = new URL(db.url).pathname.slice(1);
    const owner = await import('pg').then(({ Client }) => new Client({ connectionString: db.url }));
    await owner.connect();
    await owner.query(`ALTER DATABASE "${name}" SET track_functions = 'pl'`);
    await owner.end();
    t = await createTestApp({ METRICS_TOKEN }, { database: db });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('refuses a scraper without the token, or with another one', async () => {
    const server = t.app.getHttpServer();
    const none = await request(server).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(none.text).not.toContain('http_requests_total');
    const wrong = await request(server).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`);
    expect(wrong.status).toBe(401);
    // a user's token is not the scraper's
    expect(
      (await request(server).get('/metrics').set('authorization', `Bearer ${t.adminToken}`)).status,
    ).toBe(401);
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const controller = new MetricsController(new Metrics(), loadConfig({ NODE_ENV: 'test' }));
    await expect(controller.scrape(`Bearer ${METRICS_TOKEN}`, {} as never)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('counts requests by operation and outcome, the pool, statements, sync records and span refreshes', async () => {
    ok(await t.gql('query Units { units { id } }'));
    ok(await t.gql('query Units { units { id } }'));
    // a document that does not validate names no operation
    const bad = await t.gql('query Broken { units { noSuchField } }');
    expect(bad.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql('query Units { units { id } }', {}, null)).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const run = ok(
      await t.gql(SYNC_UNITS, {
        input: {
          source: 'HR-M',
          records: [unitRecord('M1', null), unitRecord('M2', 'M1'), unitRecord('M3', 'NOWHERE')],
        },
      }),
    );
    expect(run).toBeDefined();
    // a posting refreshes the cadre's posting runs and rule spans (triggers in PostgreSQL)
    const unit = await makeUnit(t.ds);
    await makePosting(t.ds, (await makeCadre(t.ds)).id, unit.id);

    const text = await scrape();
    expect(sample(text, 'graphql_requests_total', { operation: 'Units', type: 'query', outcome: 'OK' })).toBe(
      2,
    );
    expect(
      sample(text, 'graphql_requests_total', { operation: '(none)', outcome: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(1);
    expect(sample(text, 'graphql_requests_total', { operation: 'Units', outcome: 'UNAUTHENTICATED' })).toBe(
      1,
    );
    expect(
      sample(text, 'graphql_request_duration_seconds_count', { operation: 'Units', type: 'query' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBe(4);
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/graphql', status: '400' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { route: '/graphql', le: '+Inf' })).toBe(5);
    expect(sample(text, 'db_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'db_pool_connections', { state: 'idle' })).toBeGreaterThan(0);
    expect(
      sample(text, 'db_statement_duration_seconds_count', { statement: 'select', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'db_statement_duration_seconds_count', { statement: 'insert', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'sync_records_total', { kind: 'UNITS', outcome: 'CREATED', dry_run: 'false' })).toBe(
      2,
    );
    expect(sample(text, 'sync_records_total', { kind: 'UNITS', outcome: 'REJECTED', dry_run: 'false' })).toBe(
      1,
    );
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);

    // a backend reports its function statistics when it goes idle (at most every second, else after 10 s)
    let refreshes: number | undefined;
    for (let i = 0; i < 60 && !refreshes; i += 1) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500));
      refreshes = sample(await scrape(), 'rule_span_refresh_calls_total', { function: 'refresh_rule_spans' });
    }
    expect(refreshes).toBeGreaterThan(0);
    const spent = sample(await scrape(), 'rule_span_refresh_seconds_total', {
      function: 'refresh_rule_spans',
    });
    expect(spent).toBeGreaterThan(0);
  });
});
