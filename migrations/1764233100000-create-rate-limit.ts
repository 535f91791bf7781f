import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rate_limit: the request counters of RATE_LIMIT_STORE=postgres (rate-limiter-flexible's RateLimiterPostgres,
 * its own table layout), so that every instance counts against one budget. Created here so that the app's
 * role needs no DDL at run time. `expire` is epoch milliseconds; rows an hour past it are deleted by the app.
 */
export class CreateRateLimit1764233100000 implements MigrationInterface {
  name = 'CreateRateLimit1764233100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit`);
  }
}
