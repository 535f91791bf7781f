import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of create mutations: per caller (token subject) and key, the operation, a hash of its input
 * and a reference to what it created. Written in the same transaction as the write, so a key exists exactly
 * when its write committed. No foreign key: the reference names rows of several tables. Kept 7 days
 * (created_at); an expired key may be used again.
 */
export class CreateIdempotencyKey1764233200000 implements MigrationInterface {
  name = 'CreateIdempotencyKey1764233200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        caller_sub text NOT NULL,
        key varchar(100) NOT NULL CONSTRAINT idempotency_key_format_check CHECK (key ~ '^[A-Za-z0-9_.:-]{1,100}$'),
        operation varchar(64) NOT NULL,
        request_hash char(64) NOT NULL,
        result_ref text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_key_pkey PRIMARY KEY (caller_sub, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_key`);
  }
}
