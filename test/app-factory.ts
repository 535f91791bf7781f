import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from '../src/app.module';
import { Caller, Role } from '../src/auth/caller';
import { TokenService } from '../src/auth/token.service';
import { createHttpAdapter } from '../src/common/http/http-adapter';
import { loadConfig } from '../src/config/app-config';
import { createFileDatabase, FileDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
/** Every test app requires these in its tokens, as production does. */
export const TEST_JWT_AUDIENCE = 'cadre-pathways-test';
export const TEST_JWT_ISSUER = 'https://idp.test.invalid/';

/** Counts the SQL statements the app sends, so tests can prove batching. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  queries: string[] = [];
  logQuery(query: string): void {
    this.count += 1;
    this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.queries = [];
  }
}

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; field?: string; [k: string]: unknown };
  }[];
}

export interface TestApp {
  app: INestApplication;
  /** The app's own pool: the login role cadre_app_login, with cadre_app's grants only (as in production). */
  ds: DataSource;
  /** A statement as the owner (who ran the migrations), for fixtures beyond the app's grants (DDL, typeorm_migrations). */
  asOwner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  ownerUrl: string;
  /** The database this app uses (pass it to another createTestApp to share it). */
  database: SharedDatabase;
  queries: QueryCounter;
  token(caller: Partial<Caller> & { role: Role }): string;
  adminToken: string;
  /** POST /graphql with a bearer token (the admin's unless given; null for none). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** A test app's database: the owner's URL and the app login's. */
export type SharedDatabase = Pick<FileDatabase, 'url' | 'appUrl'>;

export interface TestAppOptions {
  /**
   * Connect the app with the owner's login, as a one-role deployment does (no MIGRATION_DATABASE_URL): its pool
   * then takes on cadre_app. By default it connects as cadre_app_login, as a two-role deployment does.
   */
  oneRole?: boolean;
  /** Another app's database (TestApp.database): a second instance on it; the first app drops it. */
  database?: SharedDatabase;
}

/** The real app on its own copy of the migrated database (or on `options.database`), served over HTTP by supertest. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.database
    ? { ...options.database, drop: async () => undefined }
    : await createFileDatabase();
  const databaseUrl = options.oneRole ? db.url : db.appUrl;
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    JWT_AUDIENCE: TEST_JWT_AUDIENCE,
    JWT_ISSUER: TEST_JWT_ISSUER,
    MIGRATIONS_RUN: 'false',
    // The webhook workers poll the queue; only the webhook tests run them (test/e2e/webhooks.e2e-spec.ts).
    WEBHOOKS_WORKER: 'false',
    DB_POOL_SIZE: '4',
    // PgBouncer 1.18 (the pooler run) does not keep named prepared statements across transactions.
    DB_PREPARED_STATEMENTS: process.env.CP_TEST_POOLER_PORT ? 'false' : 'true',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: db.url,
    ...env,
  });
  const queries = new QueryCounter();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        config,
        databaseUrl,
        migrationDatabaseUrl: db.url,
        typeormLogger: queries,
      }),
    ],
  }).compile();
  const app = await initApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
      logger: ['error', 'warn'],
    }),
  );
  const tokens = app.get(TokenService);
  const token = (c: Partial<Caller> & { role: Role }): string =>
    tokens.sign({ sub: `test-${c.role.toLowerCase()}`, ...c });
  const adminToken = token({ role: Role.ADMIN, sub: 'test-admin' });
  const server = app.getHttpServer();
  return {
    app,
    ds: app.get(DataSource),
    ownerUrl: db.url,
    database: { url: db.url, appUrl: db.appUrl },
    async asOwner<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    queries,
    token,
    adminToken,
    async gql(query, variables, tok = adminToken) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (tok) req.set('authorization', `Bearer ${tok}`);
      const res = await req.send({ query, variables });
      return res.body as GqlResult<never>;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Initialises a Fastify app for supertest: Fastify adds its routes (Apollo's among them) once ready. */
export async function initApp<T extends NestFastifyApplication>(app: T): Promise<T> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Fails with the errors shown, so a broken query explains itself. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  return res.data as T;
}
