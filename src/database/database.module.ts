import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  statementTimeoutMs?: number;
  runMigrations: boolean;
  /** Tests pass one to count queries. */
  logger?: TypeOrmLogger;
}

/**
 * A connection the server drops (restart, pg_terminate_backend) can emit 'error' again after TypeORM has let go
 * of it; with no listener that would crash the process. The query that failed has already rejected, and the pool
 * discards the connection, so the echo is only logged.
 */
function guardPoolConnections(ds: DataSource): void {
  const pool = (ds.driver as unknown as { master?: EventEmitter }).master;
  if (!pool) return;
  const logger = new Logger('Database');
  const guarded = new WeakSet<EventEmitter>();
  pool.on('acquire', (client: EventEmitter) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (err: Error) => logger.warn(`connection dropped: ${err.message}`));
  });
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(options.url, options.poolSize, {
              statementTimeoutMs: options.statementTimeoutMs,
            }),
            ...(options.logger ? { logger: options.logger, logging: ['query'] as const } : {}),
          }),
          dataSourceFactory: async (opts) => {
            // Migrations get their own connection without the statement timeout: they may take long.
            if (options.runMigrations) {
              // two connections: one holds the advisory lock while the other migrates
              const migrator = await new DataSource(dataSourceOptions(options.url, 2)).initialize();
              try {
                await runMigrations(migrator);
              } finally {
                await migrator.destroy();
              }
            }
            const ds = await new DataSource(opts!).initialize();
            guardPoolConnections(ds);
            return ds;
          },
        }),
      ],
    };
  }
}
