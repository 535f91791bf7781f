import { SpanKind } from '@opentelemetry/api';
import { createTestApp, TEST_JWT_AUDIENCE, TEST_JWT_ISSUER, TEST_JWT_SECRET, TestApp } from '../app-factory';
import { makeCadre } from '../factories';
import { createServer, type Server } from 'node:http';
import { Child, freePort } from './support/child';

interface SpanLine {
  name: string;
  kind: SpanKind;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  scope: string;
}

/**
 * Tracing as main.ts sets it up (instrumentations in place before the app loads), in a process of its own: Jest's
 * module loader bypasses the require hooks the instrumentations patch `http` and `pg` through. The spans go to
 * the in-memory exporter (support/traced-service.ts) and come back as JSON.
 */
describe('tracing and request-scoped logs', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let service: Child;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    service = new Child('test/e2e/support/traced-service.ts', [t.database.appUrl], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MIGRATIONS_RUN: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      JWT_AUDIENCE: TEST_JWT_AUDIENCE,
      JWT_ISSUER: TEST_JWT_ISSUER,
      DB_POOL_SIZE: '2',
      // types are checked by npm run lint; compiling the app unchecked keeps the start short
      TS_NODE_TRANSPILE_ONLY: 'true',
    });
    const port = (await service.waitFor(/^READY \d+/)).slice('READY '.length);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (service) {
      service.send('exit');
      await service.exited;
    }
    await t?.close();
  });

  it('traces a request from HTTP through the GraphQL operation to its SQL statements', async () => {
    await makeCadre(t.ds, { name: 'TRACED-NAME' });
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.adminToken}`,
        'x-request-id': 'traced-1',
      },
      body: JSON.stringify({
        query:
          'query TracedCadres($name: String) { cadres(filter: { name: $name }, first: 5) { totalCount } }',
        variables: { name: 'TRACED-NAME' },
      }),
    });
    expect(await res.json()).toEqual({ data: { cadres: { totalCount: 1 } } });

    service.send('spans');
    const spans = JSON.parse((await service.waitFor(/^SPANS /)).slice('SPANS '.length)) as SpanLine[];
    const server = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['url.path'] === '/graphql');
    expect(server).toBeDefined();
    const operation = spans.find((s) => s.name === 'query TracedCadres');
    expect(operation).toMatchObject({
      traceId: server!.traceId,
      parentSpanId: server!.spanId,
      attributes: { 'graphql.operation.type': 'query', 'graphql.operation.name': 'TracedCadres' },
    });
    const statements = spans.filter(
      (s) => s.scope.includes('instrumentation-pg') && s.parentSpanId === operation!.spanId,
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s.traceId).toBe(server!.traceId);
    // statement text with placeholders, never the values
    const texts = statements.map((s) =>
      String(s.attributes['db.query.text'] ?? s.attributes['db.statement']),
    );
    expect(texts.some((q) => /\bcadre\b/i.test(q))).toBe(true);
    expect(texts.join('\n')).not.toContain('TRACED-NAME');
    // health probes make no traces
    expect(spans.some((s) => String(s.attributes['url.path']).startsWith('/health/'))).toBe(false);
  });

  it('gives every log line a request writes the request id', async () => {
    const res = await fetch(`${base}/probe`, { headers: { 'x-request-id': 'probe-42' } });
    expect(res.headers.get('x-request-id')).toBe('probe-42');
    const line = await service.waitFor(/inside the request/);
    expect(JSON.parse(line)).toMatchObject({
      req: { id: 'probe-42' },
      context: 'Probe',
      msg: 'inside the request',
    });
    // a line logged outside any request carries none
    const boot = service.lines.find((l) => l.includes('"context":"NestApplication"'));
    expect(boot).toBeDefined();
    expect(JSON.parse(boot!)).not.toHaveProperty('req');
  });
});

describe('OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  const SLOW = 240_000;
  let t: TestApp;
  let collector: Server;
  const received: { path?: string; type?: string; bytes: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // a stand-in collector: records what the service posts
    collector = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        received.push({ path: req.url, type: req.headers['content-type'], bytes });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  }, SLOW);
  afterAll(async () => {
    await new Promise((r) => collector?.close(r));
    await t?.close();
  });

  it(
    'makes the service (src/main.ts) send its traces there over OTLP/HTTP, flushed on shutdown',
    async () => {
      const port = await freePort();
      const { port: collectorPort } = collector.address() as { port: number };
      const service = new Child('src/main.ts', [], {
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: t.database.appUrl,
        MIGRATIONS_RUN: 'false',
        JWT_SECRET: TEST_JWT_SECRET,
        JWT_AUDIENCE: TEST_JWT_AUDIENCE,
        JWT_ISSUER: TEST_JWT_ISSUER,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}/`,
        LOG_LEVEL: 'info', // for the "GraphQL ready" line
        TS_NODE_TRANSPILE_ONLY: 'true',
      });
      try {
        await service.waitFor(/GraphQL ready/);
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
          body: JSON.stringify({ query: 'query Exported { units { id } }' }),
        });
        expect(res.status).toBe(200);
        service.proc.kill('SIGTERM');
        expect(await service.exited).toBe(0);
        expect(received.length).toBeGreaterThan(0);
        expect(received[0]).toMatchObject({ path: '/v1/traces', type: 'application/x-protobuf' });
        expect(received.reduce((n, r) => n + r.bytes, 0)).toBeGreaterThan(100);
      } finally {
        if (service.proc.exitCode === null) service.proc.kill('SIGKILL');
      }
    },
    SLOW,
  );
});
