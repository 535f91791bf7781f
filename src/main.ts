import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './auth/jwt-secret';
import { createHttpAdapter } from './common/http/http-adapter';
import { loadConfig } from './config/app-config';
import { resolveDatabase } from './database/database-runtime';
import { Readiness } from './health/readiness';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // A missing or weak token secret stops start-up before any database is started (AuthModule reads it again).
  resolveJwtSecret(config);
  const db = await resolveDatabase(config);
  // Fastify (body limit and request ids: createHttpAdapter)
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: db.url,
      migrationDatabaseUrl: db.migrationUrl,
      writeSchemaFile: !config.isProduction,
    }),
    createHttpAdapter(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Bootstrap');
  if (db.embedded)
    logger.log(`Embedded PostgreSQL running on port ${config.EMBEDDED_PG_PORT} (data in ${config.dataDir})`);
  // A client must send its whole request within the request timeout (slow-loris connections are cut).
  const server: Server = app.getHttpServer();
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(config.REQUEST_TIMEOUT_MS, 60_000);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining (at most ${config.SHUTDOWN_TIMEOUT_MS} ms), then closing`);
    app.get(Readiness).draining = true;
    const deadline = setTimeout(() => {
      logger.error('Shutdown took too long; exiting with requests still open');
      void (db.embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS);
    // Apollo closes the server (no new connections, idle ones closed) and lets in-flight requests finish,
    // then the pool closes.
    await app.close().catch((err: unknown) => logger.error(`Closing failed: ${String(err)}`));
    await db.embedded?.stop();
    clearTimeout(deadline);
    logger.log('Stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
  // On every interface, as Node does when no host is given ('::' takes IPv4 too, or '0.0.0.0' without IPv6);
  // Fastify's own default is localhost only.
  await app.listen(config.PORT, '::').catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EAFNOSUPPORT') throw err;
    return app.listen(config.PORT, '0.0.0.0');
  });
  logger.log(`GraphQL ready at http://localhost:${config.PORT}/graphql`);
}

const USAGE = `用法 Usage: npm run start:prod   (node dist/src/main.js)
启动服务：GraphQL 在 /graphql，健康检查在 /health/live 与 /health/ready；配置只从环境变量读取（见 .env.example）。
Starts the service: GraphQL at /graphql, health at /health/live and /health/ready; configuration is read from
the environment only (see .env.example).`;

// --help answers after every module above has loaded: a production install missing one fails here already.
if (process.argv.includes('--help') || process.argv.includes('-h')) console.log(USAGE);
else
  bootstrap().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
