import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { pendingMigrations } from './pending-migrations';
import { Readiness } from './readiness';

const CHECK_TIMEOUT_MS = 3000;

/**
 * Liveness (the process answers) and readiness (the database answers and has every migration, and the service
 * is not shutting down). Public, and the answers name no host, SQL or table: details go to the log.
 */
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: Readiness,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    if (this.readiness.draining) {
      throw new ServiceUnavailableException({
        status: 'error',
        error: { service: { status: 'down', message: 'Shutting down.' } },
      });
    }
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.ds.query('SELECT 1').catch((err: unknown) => {
              this.logger.warn(`database ping failed: ${err instanceof Error ? err.message : String(err)}`);
              throw new Error('The database does not answer.');
            });
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('migrations')
          .attempt(async () => {
            const pending = await pendingMigrations(this.ds).catch(() => {
              throw new Error('The migrations could not be read.');
            });
            if (pending.length) throw new Error(`${pending.length} migration(s) not applied.`);
            return { applied: this.ds.migrations.length };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
