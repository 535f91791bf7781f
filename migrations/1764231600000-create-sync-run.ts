import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR system sync: one row per sync call and one result per record sent (plus one per posting a SNAPSHOT ended).
 * The idempotency key is unique per source, so a retried call finds the first run instead of applying twice.
 */
export class CreateSyncRun1764231600000 implements MigrationInterface {
  name = 'CreateSyncRun1764231600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sync_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source varchar(64) NOT NULL,
        kind varchar(16) NOT NULL CONSTRAINT sync_run_kind_check CHECK (kind IN ('UNITS','CADRES','POSTINGS')),
        mode varchar(16) NOT NULL CONSTRAINT sync_run_mode_check CHECK (mode IN ('UPSERT','SNAPSHOT')),
        status varchar(16) NOT NULL CONSTRAINT sync_run_status_check CHECK (status IN ('COMPLETED','REJECTED')),
        idempotency_key varchar(200),
        payload_hash char(64) NOT NULL,
        dry_run boolean NOT NULL DEFAULT false,
        atomic boolean NOT NULL DEFAULT false,
        scope_unit_code varchar(64),
        as_of date NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        counts jsonb NOT NULL,
        created_by varchar(200) NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX sync_run_idempotency_key ON sync_run (source, idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX sync_run_source_idx ON sync_run (source, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sync_run_started_idx ON sync_run (started_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE sync_result (
        run_id uuid NOT NULL CONSTRAINT sync_result_run_fkey REFERENCES sync_run(id) ON DELETE CASCADE,
        index int NOT NULL,
        external_id varchar(200),
        outcome varchar(16) NOT NULL CONSTRAINT sync_result_outcome_check
          CHECK (outcome IN ('CREATED','UPDATED','UNCHANGED','ENDED','REJECTED')),
        errors jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT sync_result_pkey PRIMARY KEY (run_id, index)
      )`);
    await q.query(`CREATE INDEX sync_result_outcome_idx ON sync_result (run_id, outcome, index)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sync_result`);
    await q.query(`DROP TABLE IF EXISTS sync_run`);
  }
}
