import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { APP_ROLE, canActAsAppRole, ownedTables } from './app-role';
import { dataSourceOptions } from './data-source-options';
import { migrate } from './migrate';

export interface DatabaseOptions {
  /** The service's pool (DATABASE_URL). */
  url: string;
  /** Migrations at boot (MIGRATION_DATABASE_URL); default `url`. */
  migrationUrl?: string;
  /** Log a warning when the pool's role holds an owner's privileges (production). */
  warnIfOwner?: boolean;
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

/**
 * With one login role for migrations and service (MIGRATION_DATABASE_URL unset or equal), every pooled
 * connection takes on cadre_app as a start-up parameter (`-c role=cadre_app`: the session's default role, so
 * RESET ROLE keeps it), when the login role may. The service's statements then have the app's grants, not the
 * owner's: audit_log cannot be updated, deleted or truncated by them. A real second login role is still better:
 * a session can SET ROLE back to its login role.
 */
async function servicePoolOptions(
  opts: DataSourceOptions,
  options: DatabaseOptions,
  logger: Logger,
): Promise<DataSourceOptions> {
  if ((options.migrationUrl ?? options.url) !== options.url) return opts;
  if (!(await canActAsAppRole(options.url))) {
    logger.warn(
      `DATABASE_URL's role may not take on ${APP_ROLE}: the service runs with that role's own privileges. ` +
        `Connect as a login role granted ${APP_ROLE} and set MIGRATION_DATABASE_URL to the owner's URL.`,
    );
    return opts;
  }
  const extra = (opts as { extra?: Record<string, unknown> }).extra ?? {};
  return { ...opts, extra: { ...extra, options: `-c role=${APP_ROLE}` } };
}

async function warnIfOwner(ds: DataSource, logger: Logger): Promise<void> {
  const owned = await ownedTables(ds);
  if (owned.length === 0) return;
  logger.warn(
    `The service's database role holds the owner's privileges on ${owned.length} tables (${owned.slice(0, 3).join(', ')}…): ` +
      `it could alter or empty audit_log. Connect as a member of ${APP_ROLE} (DATABASE_URL) and migrate as the ` +
      'owner (MIGRATION_DATABASE_URL).',
  );
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
              const migrator = await new DataSource(
                dataSourceOptions(options.migrationUrl ?? options.url, 2),
              ).initialize();
              try {
                const { rulesInstalled } = await migrate(migrator);
                if (rulesInstalled) {
                  new Logger('Database').log(
                    "Installed the rules' span SQL; every cadre's spans recomputed.",
                  );
                }
              } finally {
                await migrator.destroy();
              }
            }
            const logger = new Logger('Database');
            const ds = await new DataSource(await servicePoolOptions(opts!, options, logger)).initialize();
            guardPoolConnections(ds);
            if (options.warnIfOwner) await warnIfOwner(ds, logger);
            return ds;
          },
        }),
      ],
    };
  }
}
