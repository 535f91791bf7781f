import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_POLICY } from '../src/policy/default-policy';

/**
 * Versioned policy: each row is a whole policy document in force from its effective date until the next one.
 * History is never rewritten, so old evaluations stay reproducible: a trigger refuses UPDATE and DELETE.
 * Version 1 is the national default (src/policy/default-policy.ts), inserted from that one source.
 */
export class CreatePolicyVersion1764230500000 implements MigrationInterface {
  name = 'CreatePolicyVersion1764230500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL CONSTRAINT policy_version_version_key UNIQUE
          CONSTRAINT policy_version_version_check CHECK (version > 0),
        effective_from date NOT NULL CONSTRAINT policy_version_effective_from_key UNIQUE,
        document jsonb NOT NULL CONSTRAINT policy_version_document_check CHECK (jsonb_typeof(document) = 'object'),
        note varchar(2000),
        published_by varchar(200),
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION policy_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'policy versions are never changed or deleted; publish a new version instead'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_version_immutable';
      END $$`);
    await q.query(`
      CREATE TRIGGER policy_version_immutable_trg BEFORE UPDATE OR DELETE ON policy_version
      FOR EACH ROW EXECUTE FUNCTION policy_version_immutable()`);
    await q.query(
      `INSERT INTO policy_version (version, effective_from, document, note, published_by)
       VALUES (1, DATE '1900-01-01', $1::jsonb, $2, 'migration')`,
      [JSON.stringify(DEFAULT_POLICY), 'National defaults (see DOMAIN.md for each rule and its source).'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS policy_version`);
    await q.query(`DROP FUNCTION IF EXISTS policy_version_immutable()`);
  }
}
