import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { APP_ROLE, canActAsAppRole, ownedTables } from './app-role';
import { dataSourceOptions } from './data-source-options';
import { setPreparedStatements } from './generic-plan';
import { migrate } from './migrate';
import { applySessionDefaults, sessionDefaultsOption } from './session-defaults';

export interface DatabaseOptions {
  /** The service's pool (DATABASE_URL). */
  url: string;
  /** Migrations at boot (MIGRATION_DATABASE_URL); default `url`. */
  migrationUrl?: string;
  /** Log a warning when the pool's role holds an owner's privileges (production). */
  warnIfOwner?: boolean;
  /** Streaming replicas (DATABASE_REPLICA_URLS), same login as `url`: lag-tolerant reads (replica.ts). */
  replicaUrls?: string[];
  poolSize: number;
  statementTimeoutMs?: number;
  /** DB_PREPARED_STATEMENTS (generic-plan.ts); default true. */
  preparedStatements?: boolean;
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
  const driver = ds.driver as unknown as { master?: EventEmitter; slaves?: EventEmitter[] };
  const logger = new Logger('Database');
  const guarded = new WeakSet<EventEmitter>();
  for (const pool of [driver.master, ...(driver.slaves ?? [])]) {
    pool?.on('acquire', (client: EventEmitter) => {
      if (guarded.has(client)) return;
      guarded.add(client);
      client.on('error', (err: Error) => logger.warn(`connection dropped: ${err.message}`));
    });
  }
}

/**
 * The service's session settings, none of them a start-up parameter when there are two login roles:
 *
 * - Two login roles (MIGRATION_DATABASE_URL differs, as in production and behind PgBouncer): the timeouts become
 *   the service login's own defaults in its database (session-defaults.ts), and its grants are cadre_app's
 *   because it is a member that owns nothing.
 * - One login role (MIGRATION_DATABASE_URL unset or equal): that role owns the schema, so defaults on it would
 *   also bind migrations, seed and import. Its pooled connections instead take on cadre_app and the timeouts as
 *   start-up parameters (`-c role=cadre_app`: the session's default role, so RESET ROLE keeps it), when the
 *   login role may. The service's statements then have the app's grants, not the owner's: audit_log cannot be
 *   updated, deleted or truncated by them. A transaction pooler refuses start-up parameters: use two login roles
 *   behind one (docs/scaling.md). A real second login role is better anyway: a session can SET ROLE back.
 */
async function servicePoolOptions(
  opts: DataSourceOptions,
  options: DatabaseOptions,
  logger: Logger,
): Promise<DataSourceOptions> {
  const timeouts = { statementTimeoutMs: options.statementTimeoutMs ?? 0 };
  if ((options.migrationUrl ?? options.url) !== options.url) {
    const changed = await applySessionDefaults(options.url, timeouts);
    if (changed.length)
      logger.log(`the service login's defaults in its database now set ${changed.join(', ')}`);
    return opts;
  }
  const parts = [sessionDefaultsOption(timeouts)];
  if (await canActAsAppRole(options.url)) {
    parts.unshift(`-c role=${APP_ROLE}`);
  } else {
    logger.warn(
      `DATABASE_URL's role may not take on ${APP_ROLE}: the service runs with that role's own privileges. ` +
        `Connect as a login role granted ${APP_ROLE} and set MIGRATION_DATABASE_URL to the owner's URL.`,
    );
  }
  const extra = (opts as { extra?: Record<string, unknown> }).extra ?? {};
  return { ...opts, extra: { ...extra, options: parts.join(' ') } };
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
            ...dataSourceOptions(options.url, options.poolSize, options.replicaUrls),
            ...(options.logger ? { logger: options.logger, logging: ['query'] as const } : {}),
          }),
          dataSourceFactory: async (opts) => {
            // Migrations get their own connection (the owner's), without the statement timeout: they may take long.
            if (options.runMigrations) {
              const migrator = await new DataSource(
                dataSourceOptions(options.migrationUrl ?? options.url, 1),
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
            setPreparedStatements(ds, options.preparedStatements ?? true);
            if (options.warnIfOwner) await warnIfOwner(ds, logger);
            return ds;
          },
        }),
      ],
    };
  }
}
