import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service keeps the answers of its expensive lists (src/database/answer-cache.ts) until the data they were read
 * from changes. To know when, every transaction that writes a table those answers read leaves its transaction id
 * in `data_change` (one row per transaction, by a statement-level trigger on each such table). An answer computed
 * from snapshot S is still the answer for a later reader exactly when no row in `data_change` that the reader
 * sees was invisible to S: `pg_visible_in_snapshot(xid, S)`, looked up from S's xmin by the primary key.
 *
 * Not watched: bookkeeping that no kept answer reads, some of it written on every request (rate_limit) or every
 * mutation (audit_log, idempotency_key). A test (answer-cache e2e) holds every other table to the trigger, so a
 * later migration that creates a table must add it (`CREATE TRIGGER data_change AFTER INSERT OR UPDATE OR DELETE
 * OR TRUNCATE ON <table> FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`).
 */
export class CreateDataChange1764239200000 implements MigrationInterface {
  name = 'CreateDataChange1764239200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_change (
        xid xid8 PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX data_change_at_idx ON data_change (at)`);
    await q.query(`
      CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO data_change (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN
          SELECT c.relname FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
             AND c.relname NOT IN ('data_change', 'typeorm_migrations', 'rate_limit', 'audit_log', 'idempotency_key',
                                   'sync_run', 'sync_result', 'webhook_delivery', 'webhook_event',
                                   'webhook_flag_run', 'webhook_flag_state', 'webhook_secret', 'webhook_subscription')
        LOOP
          EXECUTE format('CREATE TRIGGER data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                            FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                  WHERE g.tgname = 'data_change' AND NOT g.tgisinternal
        LOOP
          EXECUTE format('DROP TRIGGER data_change ON %I', t);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION note_data_change()`);
    await q.query(`DROP TABLE data_change`);
  }
}
