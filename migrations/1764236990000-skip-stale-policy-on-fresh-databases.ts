import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs before 1764237000000-publish-policy-2026-12 (by timestamp) on a database migrated from nothing, and keeps
 * that migration from publishing a stale policy there.
 *
 * 1764237000000 publishes the document written out in it whenever the latest stored version differs. On a fresh
 * database the only version is version 1, written by 1764230500000 from the code's current default, which has
 * moved on since (issues 15, 16, 19): so it would publish its older document from 2026-12-05, and every date from
 * then on would be judged by rules older than the code's. A policy trigger therefore drops that one insert when
 * every version in the table was written in this same transaction (a fresh database: all pending migrations run
 * in one transaction, src/database/migrate.ts). A deployed database keeps it as it was. 1764237990000, which
 * publishes this round's policy, removes the trigger.
 */
export const STALE_NOTE_PREFIX = 'Rules of issues 15 and 16:';

export class SkipStalePolicyOnFreshDatabases1764236990000 implements MigrationInterface {
  name = 'SkipStalePolicyOnFreshDatabases1764236990000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION policy_version_skip_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.published_by = 'migration' AND NEW.note LIKE '${STALE_NOTE_PREFIX}%'
           AND NOT EXISTS (SELECT 1 FROM policy_version WHERE published_at <> now()) THEN
          RETURN NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER IF EXISTS policy_version_skip_stale_trg ON policy_version`);
    await q.query(`CREATE TRIGGER policy_version_skip_stale_trg BEFORE INSERT ON policy_version
                   FOR EACH ROW EXECUTE FUNCTION policy_version_skip_stale()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS policy_version_skip_stale_trg ON policy_version`);
    await q.query(`DROP FUNCTION IF EXISTS policy_version_skip_stale()`);
  }
}
