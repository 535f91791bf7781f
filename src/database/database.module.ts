import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  runMigrations: boolean;
  /** Tests pass one to count queries. */
  logger?: TypeOrmLogger;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(options.url, options.poolSize),
            ...(options.logger ? { logger: options.logger, logging: ['query'] as const } : {}),
          }),
          dataSourceFactory: async (opts) => {
            const ds = await new DataSource(opts!).initialize();
            if (options.runMigrations) await runMigrations(ds);
            return ds;
          },
        }),
      ],
    };
  }
}
