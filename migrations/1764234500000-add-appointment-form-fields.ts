import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables audited by the generic audit_changes() trigger (1764230700000-create-audit-log.ts). */
const AUDITED = ['cadre_education', 'family_member', 'appointment_proposal'];

/**
 * What the cadre appointment and removal form (干部任免审批表) needs beyond the record: place of birth, health,
 * specialties and rewards/penalties on the cadre; the two education sets (全日制 / 在职); family members and
 * important social relations; a photo; and one appointment proposal per decision (拟任, 拟免, 任免理由).
 *
 * The photo is capped at 32 KiB (about 43.7 KB as base64), so an upload fits the 64 KB request body limit of
 * department tokens. Its audit rows carry the size and a SHA-256 of the picture, not the picture: audit_log is
 * append-only and would otherwise keep every photo forever. cadre_app gets the data-table grants on the new
 * tables by default privileges (1764233300000-create-app-role.ts).
 */
export class AddAppointmentFormFields1764234500000 implements MigrationInterface {
  name = 'AddAppointmentFormFields1764234500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cadre
        ADD COLUMN place_of_birth varchar(100),
        ADD COLUMN health varchar(50),
        ADD COLUMN specialties varchar(500),
        ADD COLUMN rewards_penalties varchar(2000)`);

    await q.query(`
      CREATE TABLE cadre_education (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT cadre_education_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT cadre_education_kind_check CHECK (kind IN ('FULL_TIME','IN_SERVICE')),
        level varchar(32) NOT NULL CONSTRAINT cadre_education_level_check
          CHECK (level IN ('SECONDARY','COLLEGE','BACHELOR','MASTER','DOCTORATE')),
        degree varchar(50),
        school varchar(200),
        major varchar(100),
        start_date date,
        end_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cadre_education_cadre_kind_key UNIQUE (cadre_id, kind),
        CONSTRAINT cadre_education_degree_check CHECK (degree IS NULL OR length(btrim(degree)) > 0),
        CONSTRAINT cadre_education_school_check CHECK (school IS NULL OR length(btrim(school)) > 0),
        CONSTRAINT cadre_education_dates_check CHECK (end_date >= start_date),
        CONSTRAINT cadre_education_start_date_check CHECK (start_date BETWEEN DATE '1940-01-01' AND DATE '2100-01-01')
      )`);

    await q.query(`
      CREATE TABLE family_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT family_member_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        position smallint NOT NULL CONSTRAINT family_member_position_check CHECK (position BETWEEN 0 AND 99),
        relation varchar(20) NOT NULL,
        name varchar(100) NOT NULL,
        birth_date date,
        political_status varchar(50),
        work_unit_and_post varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT family_member_relation_check CHECK (length(btrim(relation)) > 0),
        CONSTRAINT family_member_name_check CHECK (length(btrim(name)) > 0),
        CONSTRAINT family_member_birth_date_check
          CHECK (birth_date IS NULL OR birth_date BETWEEN DATE '1900-01-01' AND DATE '2100-01-01')
      )`);
    await q.query(`CREATE INDEX family_member_cadre_idx ON family_member (cadre_id, position)`);

    await q.query(`
      CREATE TABLE cadre_photo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT cadre_photo_cadre_key UNIQUE
          CONSTRAINT cadre_photo_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        content_type varchar(16) NOT NULL CONSTRAINT cadre_photo_content_type_check
          CHECK (content_type IN ('image/jpeg','image/png')),
        content bytea NOT NULL CONSTRAINT cadre_photo_size_check CHECK (octet_length(content) BETWEEN 1 AND 32768),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE appointment_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT appointment_proposal_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        proposed_on date NOT NULL CONSTRAINT appointment_proposal_proposed_on_check
          CHECK (proposed_on BETWEEN DATE '1950-01-01' AND DATE '2100-01-01'),
        proposed_post varchar(500),
        posts_to_remove varchar(500),
        reason varchar(2000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointment_proposal_reason_check CHECK (length(btrim(reason)) > 0),
        CONSTRAINT appointment_proposal_posts_check CHECK (
          length(btrim(coalesce(proposed_post, ''))) > 0 OR length(btrim(coalesce(posts_to_remove, ''))) > 0)
      )`);
    await q.query(
      `CREATE INDEX appointment_proposal_cadre_idx ON appointment_proposal (cadre_id, proposed_on)`,
    );

    for (const table of AUDITED) {
      await q.query(`CREATE TRIGGER ${table}_audit_ins_trg AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_upd_trg AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_del_trg AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    }

    // The photo's audit: like audit_changes(), with the picture replaced by its size and hash.
    await q.query(`
      CREATE FUNCTION audit_photo_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        actor_sub text := nullif(current_setting('cadre.actor_sub', true), '');
        actor_role text := nullif(current_setting('cadre.actor_role', true), '');
        request_id text := nullif(current_setting('cadre.request_id', true), '');
      BEGIN
        INSERT INTO audit_log (actor_sub, actor_role, action, entity, entity_id, before, after, request_id)
        VALUES (actor_sub, actor_role, TG_OP, TG_TABLE_NAME,
                CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END::text,
                CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'content' || jsonb_build_object(
                  'byte_size', octet_length(OLD.content), 'sha256', encode(sha256(OLD.content), 'hex')) END,
                CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'content' || jsonb_build_object(
                  'byte_size', octet_length(NEW.content), 'sha256', encode(sha256(NEW.content), 'hex')) END,
                request_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER cadre_photo_audit_trg AFTER INSERT OR UPDATE OR DELETE ON cadre_photo
      FOR EACH ROW EXECUTE FUNCTION audit_photo_changes()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS appointment_proposal`);
    await q.query(`DROP TABLE IF EXISTS cadre_photo`);
    await q.query(`DROP FUNCTION IF EXISTS audit_photo_changes()`);
    await q.query(`DROP TABLE IF EXISTS family_member`);
    await q.query(`DROP TABLE IF EXISTS cadre_education`);
    await q.query(`
      ALTER TABLE cadre
        DROP COLUMN IF EXISTS rewards_penalties,
        DROP COLUMN IF EXISTS specialties,
        DROP COLUMN IF EXISTS health,
        DROP COLUMN IF EXISTS place_of_birth`);
  }
}
