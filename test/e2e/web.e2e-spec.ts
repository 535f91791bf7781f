import { APP_GUARD } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthGuard } from '../../src/auth/auth.guard';
import { createHttpAdapter } from '../../src/common/http/http-adapter';
import { WEB_DIST } from '../../src/web/web-dist';
import { WebModule } from '../../src/web/web.module';
import { createTestApp, initApp, TestApp } from '../app-factory';

describe('web page at /', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cp-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not an asset');
    const moduleRef = await Test.createTestingModule({
      imports: [WebModule],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    })
      .overrideProvider(WEB_DIST)
      .useValue(dir)
      .compile();
    app = await initApp(
      moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false }),
    );
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html without a token, past the deny-by-default guard', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache, and nothing outside assets/', async () => {
    const res = await request(app.getHttpServer()).get('/assets/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
    await request(app.getHttpServer()).get('/assets/missing.js').expect(404);
    await request(app.getHttpServer()).get('/assets/..%2Fsecret.txt').expect(404);
    await request(app.getHttpServer()).get('/assets/.hidden').expect(404);
    await request(app.getHttpServer()).get('/secret.txt').expect(404);
  });
});

describe('web page beside the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers / without a token (the page, or how to build it) while /graphql still needs one', async () => {
    const page = await request(t.app.getHttpServer()).get('/');
    expect([200, 503]).toContain(page.status);
    if (page.status === 503) expect(page.text).toContain('npm run build:web');
    const anonymous = await t.gql('{ units { id } }', {}, null);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const admin = await t.gql('{ units { id } }');
    expect(admin.errors).toBeUndefined();
  });
});
