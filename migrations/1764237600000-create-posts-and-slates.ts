import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDITED = ['post', 'post_quota', 'slate', 'slate_member', 'slate_decision'];
/** The cadre history tables of 1764235500000 (create-sanction-and-rank-grant), and the two added here. */
const OLD_HISTORY = [
  'posting',
  'training',
  'achievement',
  'appraisal',
  'talent_pool_member',
  'talent_pool_decision',
  'sanction',
  'rank_grant',
];
const NEW_HISTORY = [...OLD_HISTORY, 'slate_member', 'slate_decision'];
const SYNC_KINDS = `'UNITS','CADRES','POSTINGS','RANKS','SANCTIONS'`;

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
 * Posts (职位) of a unit's leadership with their approved number of holders (职数), quotas per unit and
 * leadership level where posts are not itemised, the post a posting fills, and slates (a post's candidate list
 * kept as a snapshot) with their decisions (issue 19).
 *
 * A post's level is on the LEADERSHIP ladder (FK on (code, ladder), as rank_grant does for RANK). Its domains
 * are specialty_domain codes (a trigger, since an array cannot hold an FK). A posting names a post of its own
 * unit: the FK is on (post_id, unit_id). A decision names a member of its slate (FK on (slate_id, cadre_id)),
 * and a slate appoints a cadre once. Every table is audited; posts are kept by their source like postings.
 */
export class CreatePostsAndSlates1764237600000 implements MigrationInterface {
  name = 'CreatePostsAndSlates1764237600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL CONSTRAINT post_unit_fkey REFERENCES unit(id) ON DELETE RESTRICT,
        title varchar(200) NOT NULL,
        level varchar(32) NOT NULL,
        ladder varchar(16) NOT NULL DEFAULT 'LEADERSHIP' CONSTRAINT post_ladder_check CHECK (ladder = 'LEADERSHIP'),
        party_post boolean NOT NULL DEFAULT false,
        required_domains varchar(64)[] NOT NULL DEFAULT '{}',
        preferred_domains varchar(64)[] NOT NULL DEFAULT '{}',
        approved_holders int NOT NULL,
        established_on date,
        source varchar(64),
        external_id varchar(128),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_level_fkey FOREIGN KEY (level, ladder) REFERENCES position_level (code, ladder),
        CONSTRAINT post_title_check CHECK (length(btrim(title)) > 0),
        CONSTRAINT post_approved_holders_check CHECK (approved_holders >= 0 AND approved_holders <= 1000),
        CONSTRAINT post_domains_check CHECK (
          NOT (required_domains && preferred_domains)
          AND cardinality(required_domains) <= 20 AND cardinality(preferred_domains) <= 20),
        CONSTRAINT post_established_on_check CHECK (established_on BETWEEN DATE '1940-01-01' AND DATE '2100-01-01'),
        CONSTRAINT post_source_pair_check CHECK ((source IS NULL) = (external_id IS NULL)),
        CONSTRAINT post_source_external_key UNIQUE (source, external_id),
        CONSTRAINT post_unit_title_key UNIQUE (unit_id, title),
        CONSTRAINT post_id_unit_key UNIQUE (id, unit_id)
      )`);
    await q.query(`CREATE INDEX post_unit_idx ON post (unit_id, level)`);
    await q.query(`
      CREATE FUNCTION post_domains_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM unnest(NEW.required_domains || NEW.preferred_domains) d(code)
                    WHERE NOT EXISTS (SELECT 1 FROM specialty_domain s WHERE s.code = d.code)) THEN
          RAISE foreign_key_violation USING CONSTRAINT = 'post_domain_fkey',
            MESSAGE = 'a post names a domain that is not in the taxonomy';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER post_domains_guard_trg BEFORE INSERT OR UPDATE OF required_domains, preferred_domains ON post
      FOR EACH ROW EXECUTE FUNCTION post_domains_guard()`);

    await q.query(`
      CREATE TABLE post_quota (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL CONSTRAINT post_quota_unit_fkey REFERENCES unit(id) ON DELETE CASCADE,
        level varchar(32) NOT NULL,
        ladder varchar(16) NOT NULL DEFAULT 'LEADERSHIP' CONSTRAINT post_quota_ladder_check CHECK (ladder = 'LEADERSHIP'),
        places int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_quota_level_fkey FOREIGN KEY (level, ladder) REFERENCES position_level (code, ladder),
        CONSTRAINT post_quota_places_check CHECK (places >= 0 AND places <= 100000),
        CONSTRAINT post_quota_unit_level_key UNIQUE (unit_id, level)
      )`);

    await q.query(`ALTER TABLE posting ADD COLUMN post_id uuid`);
    await q.query(`ALTER TABLE posting ADD CONSTRAINT posting_post_fkey
      FOREIGN KEY (post_id, unit_id) REFERENCES post (id, unit_id)`);
    await q.query(`CREATE INDEX posting_post_idx ON posting (post_id, start_date) WHERE post_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE slate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL CONSTRAINT slate_post_fkey REFERENCES post(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        as_of date NOT NULL,
        policy_version int NOT NULL,
        note varchar(2000),
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT slate_name_check CHECK (length(btrim(name)) > 0)
      )`);
    await q.query(`CREATE INDEX slate_post_idx ON slate (post_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE slate_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slate_id uuid NOT NULL CONSTRAINT slate_member_slate_fkey REFERENCES slate(id) ON DELETE CASCADE,
        cadre_id uuid NOT NULL CONSTRAINT slate_member_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        position int NOT NULL CONSTRAINT slate_member_position_check CHECK (position >= 1),
        snapshot jsonb NOT NULL,
        CONSTRAINT slate_member_slate_cadre_key UNIQUE (slate_id, cadre_id),
        CONSTRAINT slate_member_slate_position_key UNIQUE (slate_id, position),
        CONSTRAINT slate_member_snapshot_check CHECK (jsonb_typeof(snapshot) = 'object')
      )`);
    await q.query(`CREATE INDEX slate_member_cadre_idx ON slate_member (cadre_id)`);
    await q.query(`
      CREATE TABLE slate_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slate_id uuid NOT NULL,
        cadre_id uuid NOT NULL,
        decision varchar(24) NOT NULL CONSTRAINT slate_decision_decision_check
          CHECK (decision IN ('APPOINTED','DEFERRED','DECLINED')),
        note varchar(2000),
        effective_date date NOT NULL,
        posting_id uuid CONSTRAINT slate_decision_posting_fkey REFERENCES posting(id) ON DELETE SET NULL,
        ended_posting_id uuid CONSTRAINT slate_decision_ended_posting_fkey REFERENCES posting(id) ON DELETE SET NULL,
        decided_by varchar(200) NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT slate_decision_member_fkey FOREIGN KEY (slate_id, cadre_id)
          REFERENCES slate_member (slate_id, cadre_id) ON DELETE CASCADE,
        CONSTRAINT slate_decision_posting_check
          CHECK ((posting_id IS NULL AND ended_posting_id IS NULL) OR decision = 'APPOINTED'),
        CONSTRAINT slate_decision_effective_date_check
          CHECK (effective_date BETWEEN DATE '1940-01-01' AND DATE '2100-01-01')
      )`);
    await q.query(`CREATE UNIQUE INDEX slate_decision_appointed_key ON slate_decision (slate_id, cadre_id)
                   WHERE decision = 'APPOINTED'`);
    await q.query(`CREATE INDEX slate_decision_posting_idx ON slate_decision (posting_id)`);
    await q.query(`CREATE INDEX slate_decision_ended_posting_idx ON slate_decision (ended_posting_id)`);

    for (const table of AUDITED) {
      await q.query(`CREATE TRIGGER ${table}_audit_ins_trg AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_upd_trg AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
      await q.query(`CREATE TRIGGER ${table}_audit_del_trg AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    }
    await q.query(`
      CREATE TRIGGER post_source_guard_trg BEFORE INSERT OR UPDATE OR DELETE ON post
      FOR EACH ROW WHEN (current_setting('cadre.actor_role', true) = 'HR_SYNC')
      EXECUTE FUNCTION hr_source_guard()`);
    await q.query(historyGuard(NEW_HISTORY));
    await q.query(`ALTER TABLE sync_run DROP CONSTRAINT sync_run_kind_check`);
    await q.query(
      `ALTER TABLE sync_run ADD CONSTRAINT sync_run_kind_check CHECK (kind IN (${SYNC_KINDS},'POSTS'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sync_result WHERE run_id IN (SELECT id FROM sync_run WHERE kind = 'POSTS')`);
    await q.query(`DELETE FROM sync_run WHERE kind = 'POSTS'`);
    await q.query(`ALTER TABLE sync_run DROP CONSTRAINT sync_run_kind_check`);
    await q.query(`ALTER TABLE sync_run ADD CONSTRAINT sync_run_kind_check CHECK (kind IN (${SYNC_KINDS}))`);
    await q.query(historyGuard(OLD_HISTORY));
    await q.query(`DROP TABLE slate_decision`);
    await q.query(`DROP TABLE slate_member`);
    await q.query(`DROP TABLE slate`);
    await q.query(`ALTER TABLE posting DROP COLUMN post_id`);
    await q.query(`DROP TABLE post_quota`);
    await q.query(`DROP TABLE post`);
    await q.query(`DROP FUNCTION post_domains_guard()`);
  }
}
