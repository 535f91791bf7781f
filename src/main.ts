import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { resolveDatabase } from './database/database-runtime';
import { JSON_BODY_LIMIT } from './sync/sync.constants';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfig();
  const db = await resolveDatabase(config);
  if (db.embedded)
    logger.log(`Embedded PostgreSQL running on port ${config.EMBEDDED_PG_PORT} (data in ${config.dataDir})`);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl: db.url, writeSchemaFile: !config.isProduction }),
    { bufferLogs: false },
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
  await app.listen(config.PORT);
  logger.log(`GraphQL ready at http://localhost:${config.PORT}/graphql`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
