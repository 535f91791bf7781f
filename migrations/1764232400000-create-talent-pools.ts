import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['talent_pool', 'talent_pool_member', 'talent_pool_decision'];

/**
 * Talent pools (后备干部名单): a named list of cadres prepared for a target level in a unit's jurisdiction; each
 * member keeps the candidate snapshot (score, breakdown, reasons, readiness, policy version) taken when added;
 * decisions are kept apart from membership so they survive a member's removal. All three are audited.
 */
export class CreateTalentPools1764232400000 implements MigrationInterface {
  name = 'CreateTalentPools1764232400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE talent_pool (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        target_level varchar(32) NOT NULL CONSTRAINT talent_pool_target_level_fkey REFERENCES position_level(code),
        unit_id uuid NOT NULL CONSTRAINT talent_pool_unit_fkey REFERENCES unit(id) ON DELETE RESTRICT,
        domain varchar(64) CONSTRAINT talent_pool_domain_fkey REFERENCES specialty_domain(code),
        note varchar(2000),
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT talent_pool_name_check CHECK (length(btrim(name)) > 0)
      )`);
    await q.query(`CREATE INDEX talent_pool_unit_idx ON talent_pool (unit_id)`);
    await q.query(`CREATE INDEX talent_pool_created_idx ON talent_pool (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE talent_pool_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pool_id uuid NOT NULL CONSTRAINT talent_pool_member_pool_fkey REFERENCES talent_pool(id) ON DELETE CASCADE,
        cadre_id uuid NOT NULL CONSTRAINT talent_pool_member_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        note varchar(2000),
        snapshot jsonb NOT NULL,
        added_by varchar(200) NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT talent_pool_member_pool_cadre_key UNIQUE (pool_id, cadre_id),
        CONSTRAINT talent_pool_member_snapshot_check CHECK (jsonb_typeof(snapshot) = 'object')
      )`);
    await q.query(`CREATE INDEX talent_pool_member_cadre_idx ON talent_pool_member (cadre_id)`);
    await q.query(`
      CREATE TABLE talent_pool_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pool_id uuid NOT NULL CONSTRAINT talent_pool_decision_pool_fkey REFERENCES talent_pool(id) ON DELETE CASCADE,
        cadre_id uuid NOT NULL CONSTRAINT talent_pool_decision_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        decision varchar(24) NOT NULL CONSTRAINT talent_pool_decision_decision_check
          CHECK (decision IN ('PROMOTED','DEFERRED','SENT_TO_TRAINING','DECLINED')),
        note varchar(2000),
        effective_date date NOT NULL,
        posting_id uuid CONSTRAINT talent_pool_decision_posting_fkey REFERENCES posting(id) ON DELETE SET NULL,
        decided_by varchar(200) NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT talent_pool_decision_posting_check CHECK (posting_id IS NULL OR decision = 'PROMOTED')
      )`);
    await q.query(
      `CREATE INDEX talent_pool_decision_pool_idx ON talent_pool_decision (pool_id, cadre_id, decided_at, id)`,
    );
    await q.query(`CREATE INDEX talent_pool_decision_posting_idx ON talent_pool_decision (posting_id)`);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_audit_ins_trg AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_upd_trg AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_del_trg AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
