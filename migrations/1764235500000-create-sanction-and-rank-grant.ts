import { MigrationInterface, QueryRunner } from 'typeorm';

const SANCTION_KINDS = [
  'WARNING',
  'DEMERIT',
  'MAJOR_DEMERIT',
  'DEMOTION',
  'REMOVAL',
  'PARTY_WARNING',
  'PARTY_SERIOUS_WARNING',
  'PARTY_POST_REMOVAL',
  'PARTY_PROBATION',
  'ADMONISHMENT',
  'TRANSFER_OUT',
  'DISMISSAL_FROM_POST',
  'DEMOTION_IN_POST',
];
const TABLES = ['sanction', 'rank_grant'];
/** The cadre history tables of 1764233500000 (add-record-source), and the two added here. */
const OLD_HISTORY = [
  'posting',
  'training',
  'achievement',
  'appraisal',
  'talent_pool_member',
  'talent_pool_decision',
];
const NEW_HISTORY = [...OLD_HISTORY, ...TABLES];

const historyGuard = (tables: string[]) => `
  CREATE OR REPLACE FUNCTION cadre_history_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF ${tables.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE cadre_id = OLD.id)`).join(' OR ')} THEN
      RAISE check_violation USING CONSTRAINT = 'cadre_history_delete_check',
        MESSAGE = 'only an administrator deletes a cadre with history';
    END IF;
    RETURN OLD;
  END $$`;

/**
 * Sanctions and accountability records (government sanctions, Party discipline, organisational measures) with
 * their revocation and 容错 (tolerance) decision, and rank grants (职级, the parallel post-and-rank ladder).
 *
 * Both are cadre history: audited like every record, kept by their source (an HR system writes only its own,
 * as for postings), and a cadre holding either is deleted only by an administrator. A rank grant's level must
 * be on the RANK ladder of position_level; one cadre's rank grants never overlap.
 */
export class CreateSanctionAndRankGrant1764235500000 implements MigrationInterface {
  name = 'CreateSanctionAndRankGrant1764235500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sanction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT sanction_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL CONSTRAINT sanction_kind_check
          CHECK (kind IN (${SANCTION_KINDS.map((k) => `'${k}'`).join(',')})),
        decision_date date NOT NULL,
        effective_date date NOT NULL,
        issuing_body varchar(200) NOT NULL,
        document_number varchar(100),
        note varchar(2000),
        revoked_on date,
        revocation_reason varchar(2000),
        tolerance_basis varchar(2000),
        tolerance_decided_on date,
        tolerance_note varchar(2000),
        source varchar(64),
        external_id varchar(128),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sanction_decision_date_check
          CHECK (decision_date BETWEEN DATE '1950-01-01' AND DATE '2100-01-01'),
        CONSTRAINT sanction_effective_date_check CHECK (effective_date >= decision_date),
        CONSTRAINT sanction_issuing_body_check CHECK (length(btrim(issuing_body)) > 0),
        CONSTRAINT sanction_revocation_pair_check CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL)),
        CONSTRAINT sanction_revoked_on_check CHECK (revoked_on >= decision_date),
        CONSTRAINT sanction_tolerance_pair_check CHECK (
          (tolerance_basis IS NULL) = (tolerance_decided_on IS NULL)
          AND (tolerance_note IS NULL OR tolerance_basis IS NOT NULL)),
        CONSTRAINT sanction_tolerance_date_check CHECK (tolerance_decided_on >= decision_date),
        CONSTRAINT sanction_source_pair_check CHECK ((source IS NULL) = (external_id IS NULL)),
        CONSTRAINT sanction_source_external_key UNIQUE (source, external_id)
      )`);
    await q.query(`CREATE INDEX sanction_cadre_idx ON sanction (cadre_id, effective_date)`);

    // (code, ladder) is already unique through code; the pair lets rank_grant require a RANK level by FK.
    await q.query(
      `ALTER TABLE position_level ADD CONSTRAINT position_level_code_ladder_key UNIQUE (code, ladder)`,
    );
    await q.query(`
      CREATE TABLE rank_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT rank_grant_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        level varchar(32) NOT NULL,
        ladder varchar(16) NOT NULL DEFAULT 'RANK' CONSTRAINT rank_grant_ladder_check CHECK (ladder = 'RANK'),
        start_date date NOT NULL,
        end_date date,
        source varchar(64),
        external_id varchar(128),
        period daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rank_grant_level_fkey FOREIGN KEY (level, ladder) REFERENCES position_level (code, ladder),
        CONSTRAINT rank_grant_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT rank_grant_start_date_check CHECK (start_date BETWEEN DATE '1940-01-01' AND DATE '2100-01-01'),
        CONSTRAINT rank_grant_source_pair_check CHECK ((source IS NULL) = (external_id IS NULL)),
        CONSTRAINT rank_grant_source_external_key UNIQUE (source, external_id),
        CONSTRAINT rank_grant_no_overlap_excl EXCLUDE USING gist (cadre_id WITH =, period WITH &&)
          DEFERRABLE INITIALLY IMMEDIATE
      )`);

    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_audit_ins_trg AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_upd_trg AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_del_trg AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`
        CREATE TRIGGER ${table}_source_guard_trg BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW WHEN (current_setting('cadre.actor_role', true) = 'HR_SYNC')
        EXECUTE FUNCTION hr_source_guard()`);
    }
    await q.query(historyGuard(NEW_HISTORY));
    await q.query(`ALTER TABLE sync_run DROP CONSTRAINT sync_run_kind_check`);
    await q.query(`ALTER TABLE sync_run ADD CONSTRAINT sync_run_kind_check
      CHECK (kind IN ('UNITS','CADRES','POSTINGS','RANKS','SANCTIONS'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM sync_result WHERE run_id IN (SELECT id FROM sync_run WHERE kind IN ('RANKS', 'SANCTIONS'))`,
    );
    await q.query(`DELETE FROM sync_run WHERE kind IN ('RANKS', 'SANCTIONS')`);
    await q.query(`ALTER TABLE sync_run DROP CONSTRAINT sync_run_kind_check`);
    await q.query(`ALTER TABLE sync_run ADD CONSTRAINT sync_run_kind_check
      CHECK (kind IN ('UNITS','CADRES','POSTINGS'))`);
    await q.query(historyGuard(OLD_HISTORY));
    await q.query(`DROP TABLE rank_grant`);
    await q.query(`DROP TABLE sanction`);
    await q.query(`ALTER TABLE position_level DROP CONSTRAINT position_level_code_ladder_key`);
  }
}
