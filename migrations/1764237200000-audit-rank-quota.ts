import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rank quotas (职级职数) become editable (setRankQuota, removeRankQuota) and so are audited like every record: the
 * generic audit trigger (1764230700000) keys its rows by an `id` column, which rank_quota (keyed by unit and level)
 * gains here; existing rows get one.
 */
export class AuditRankQuota1764237200000 implements MigrationInterface {
  name = 'AuditRankQuota1764237200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rank_quota ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
                     CONSTRAINT rank_quota_id_key UNIQUE`);
    await q.query(`ALTER TABLE rank_quota ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE TRIGGER rank_quota_audit_ins_trg AFTER INSERT ON rank_quota
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    await q.query(`CREATE TRIGGER rank_quota_audit_upd_trg AFTER UPDATE ON rank_quota
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    await q.query(`CREATE TRIGGER rank_quota_audit_del_trg AFTER DELETE ON rank_quota
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['ins', 'upd', 'del'])
      await q.query(`DROP TRIGGER rank_quota_audit_${op}_trg ON rank_quota`);
    await q.query(`ALTER TABLE rank_quota DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE rank_quota DROP COLUMN id`);
  }
}
