import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units, cadres, postings, training, achievements and appraisals.
 * Every rule that protects data lives here too: keys, checks, and the exclusion
 * constraint that stops one cadre holding two overlapping regular postings.
 */
export class CreateCoreSchema1764230400000 implements MigrationInterface {
  name = 'CreateCoreSchema1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL CONSTRAINT unit_code_key UNIQUE,
        name varchar(200) NOT NULL,
        level varchar(16) NOT NULL CONSTRAINT unit_level_check
          CHECK (level IN ('VILLAGE','TOWNSHIP','COUNTY','PREFECTURE','PROVINCE','NATIONAL')),
        kind varchar(32) NOT NULL CONSTRAINT unit_kind_check
          CHECK (kind IN ('PARTY_COMMITTEE','GOVERNMENT','PEOPLES_CONGRESS','CPPCC','DISCIPLINE_INSPECTION',
                          'COURT','PROCURATORATE','PUBLIC_INSTITUTION','STATE_ENTERPRISE','MASS_ORGANISATION',
                          'VILLAGE_COMMITTEE','COMMUNITY_COMMITTEE','OTHER')),
        parent_id uuid CONSTRAINT unit_parent_fkey REFERENCES unit(id) ON DELETE RESTRICT,
        path ltree NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_name_check CHECK (length(btrim(name)) > 0),
        CONSTRAINT unit_code_format_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
        CONSTRAINT unit_not_own_parent_check CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX unit_path_gist ON unit USING gist (path)`);
    await q.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);
    // The path is the chain of ids from the root: "everything under X" is one indexed query (path <@ X.path).
    await q.query(`
      CREATE FUNCTION unit_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent_path ltree;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := text2ltree(replace(NEW.id::text, '-', '_'));
        ELSE
          SELECT path INTO parent_path FROM unit WHERE id = NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE foreign_key_violation USING CONSTRAINT = 'unit_parent_fkey', MESSAGE = 'parent unit does not exist';
          END IF;
          IF parent_path ~ ('*.' || replace(NEW.id::text, '-', '_') || '.*')::lquery THEN
            RAISE check_violation USING CONSTRAINT = 'unit_parent_cycle_check', MESSAGE = 'unit would become its own ancestor';
          END IF;
          NEW.path := parent_path || text2ltree(replace(NEW.id::text, '-', '_'));
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.path IS DISTINCT FROM OLD.path THEN
          UPDATE unit SET path = NEW.path || subpath(path, nlevel(OLD.path))
           WHERE path <@ OLD.path AND id <> NEW.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER unit_path_trg BEFORE INSERT OR UPDATE OF parent_id ON unit
      FOR EACH ROW EXECUTE FUNCTION unit_set_path()`);

    await q.query(`
      CREATE TABLE position_level (
        code varchar(32) PRIMARY KEY,
        ladder varchar(16) NOT NULL CONSTRAINT position_level_ladder_check CHECK (ladder IN ('LEADERSHIP','RANK')),
        name_zh varchar(50) NOT NULL,
        name_en varchar(100) NOT NULL,
        is_leadership boolean GENERATED ALWAYS AS (ladder = 'LEADERSHIP') STORED
      )`);
    await q.query(`
      INSERT INTO position_level (code, ladder, name_zh, name_en) VALUES
        ('TOWNSHIP_DEPUTY','LEADERSHIP','乡科级副职','Township/section deputy'),
        ('TOWNSHIP_CHIEF','LEADERSHIP','乡科级正职','Township/section chief'),
        ('COUNTY_DEPUTY','LEADERSHIP','县处级副职','County/division deputy'),
        ('COUNTY_CHIEF','LEADERSHIP','县处级正职','County/division chief'),
        ('BUREAU_DEPUTY','LEADERSHIP','厅局级副职','Bureau deputy'),
        ('BUREAU_CHIEF','LEADERSHIP','厅局级正职','Bureau chief'),
        ('CLERK_2','RANK','二级科员','Clerk, grade 2'),
        ('CLERK_1','RANK','一级科员','Clerk, grade 1'),
        ('PRINCIPAL_STAFF_4','RANK','四级主任科员','Principal staff member, grade 4'),
        ('PRINCIPAL_STAFF_3','RANK','三级主任科员','Principal staff member, grade 3'),
        ('PRINCIPAL_STAFF_2','RANK','二级主任科员','Principal staff member, grade 2'),
        ('PRINCIPAL_STAFF_1','RANK','一级主任科员','Principal staff member, grade 1'),
        ('RESEARCHER_4','RANK','四级调研员','Researcher, grade 4'),
        ('RESEARCHER_3','RANK','三级调研员','Researcher, grade 3'),
        ('RESEARCHER_2','RANK','二级调研员','Researcher, grade 2'),
        ('RESEARCHER_1','RANK','一级调研员','Researcher, grade 1'),
        ('INSPECTOR_2','RANK','二级巡视员','Inspector, grade 2'),
        ('INSPECTOR_1','RANK','一级巡视员','Inspector, grade 1')`);

    await q.query(`
      CREATE TABLE specialty_domain (
        code varchar(64) PRIMARY KEY CONSTRAINT specialty_domain_code_check CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        name_zh varchar(50) NOT NULL,
        name_en varchar(100) NOT NULL
      )`);
    await q.query(`
      INSERT INTO specialty_domain (code, name_zh, name_en) VALUES
        ('RURAL_REVITALIZATION','乡村振兴','Rural revitalisation'),
        ('AGRICULTURE_MARKETING','农产品营销','Agricultural marketing (incl. live-stream e-commerce)'),
        ('CULTURAL_TOURISM','文化旅游','Culture and tourism'),
        ('URBAN_GOVERNANCE','城市治理','Urban governance'),
        ('TRANSPORT','交通','Transport'),
        ('ECOLOGY_ENVIRONMENT','生态环境','Ecology and environment'),
        ('WATER_RESOURCES','水利','Water resources'),
        ('EMERGENCY_MANAGEMENT','应急管理','Emergency management'),
        ('PUBLIC_HEALTH','公共卫生','Public health'),
        ('EDUCATION','教育','Education'),
        ('ELDERLY_AND_CHILD_CARE','一老一小','Elderly and child care'),
        ('EMPLOYMENT_AND_SOCIAL_SECURITY','就业和社会保障','Employment and social security'),
        ('INVESTMENT_AND_BUSINESS_ENVIRONMENT','招商引资和营商环境','Investment and business environment'),
        ('SCIENCE_AND_TALENT','科技和人才','Science and talent'),
        ('GRASSROOTS_PARTY_BUILDING','基层党建','Grassroots Party building'),
        ('LEGAL_AFFAIRS','法治','Legal affairs'),
        ('DIGITAL_GOVERNMENT','数字政府','Digital government')`);

    await q.query(`
      CREATE TABLE cadre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id varchar(64) NOT NULL CONSTRAINT cadre_external_id_key UNIQUE,
        name varchar(100) NOT NULL,
        gender varchar(8) NOT NULL CONSTRAINT cadre_gender_check CHECK (gender IN ('MALE','FEMALE')),
        birth_date date NOT NULL,
        ethnicity varchar(50),
        native_place varchar(100),
        party_join_date date,
        work_start_date date NOT NULL,
        education_level varchar(32) NOT NULL CONSTRAINT cadre_education_level_check
          CHECK (education_level IN ('SECONDARY','COLLEGE','BACHELOR','MASTER','DOCTORATE')),
        education_major varchar(100),
        education_in_service boolean NOT NULL DEFAULT false,
        professional_title varchar(100),
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CONSTRAINT cadre_status_check
          CHECK (status IN ('ACTIVE','RETIRED','LEFT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cadre_name_check CHECK (length(btrim(name)) > 0),
        CONSTRAINT cadre_birth_date_check CHECK (birth_date BETWEEN DATE '1900-01-01' AND DATE '2100-01-01'),
        CONSTRAINT cadre_work_start_check CHECK (work_start_date > birth_date),
        CONSTRAINT cadre_party_join_check CHECK (party_join_date IS NULL OR party_join_date > birth_date)
      )`);
    await q.query(`CREATE INDEX cadre_name_idx ON cadre (name)`);

    await q.query(`
      CREATE TABLE posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT posting_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL CONSTRAINT posting_unit_fkey REFERENCES unit(id) ON DELETE RESTRICT,
        title varchar(200) NOT NULL,
        level varchar(32) NOT NULL CONSTRAINT posting_level_fkey REFERENCES position_level(code),
        kind varchar(24) NOT NULL DEFAULT 'REGULAR' CONSTRAINT posting_kind_check
          CHECK (kind IN ('REGULAR','TEMPORARY_ASSIGNMENT','SECONDMENT')),
        start_date date NOT NULL,
        end_date date,
        source varchar(64),
        external_id varchar(128),
        period daterange GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT posting_title_check CHECK (length(btrim(title)) > 0),
        CONSTRAINT posting_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT posting_start_date_check CHECK (start_date BETWEEN DATE '1940-01-01' AND DATE '2100-01-01'),
        CONSTRAINT posting_source_pair_check CHECK ((source IS NULL) = (external_id IS NULL)),
        CONSTRAINT posting_source_external_key UNIQUE (source, external_id),
        CONSTRAINT posting_no_overlap_excl EXCLUDE USING gist (cadre_id WITH =, period WITH &&)
          WHERE (kind = 'REGULAR')
      )`);
    await q.query(`CREATE INDEX posting_cadre_idx ON posting (cadre_id, start_date)`);
    await q.query(`CREATE INDEX posting_unit_idx ON posting (unit_id)`);
    await q.query(`CREATE INDEX posting_current_idx ON posting (unit_id, level) WHERE end_date IS NULL`);

    await q.query(`
      CREATE TABLE training (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT training_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        provider varchar(200),
        kind varchar(32) NOT NULL CONSTRAINT training_kind_check
          CHECK (kind IN ('PARTY_SCHOOL','ADMINISTRATION_INSTITUTE','UNIVERSITY','ONLINE','ON_THE_JOB','OTHER')),
        start_date date NOT NULL,
        end_date date NOT NULL,
        class_hours numeric(6,1) NOT NULL,
        completed boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_title_check CHECK (length(btrim(title)) > 0),
        CONSTRAINT training_dates_check CHECK (end_date >= start_date),
        CONSTRAINT training_class_hours_check CHECK (class_hours > 0 AND class_hours <= 5000)
      )`);
    await q.query(`CREATE INDEX training_cadre_idx ON training (cadre_id, end_date)`);

    await q.query(`
      CREATE TABLE achievement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT achievement_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description varchar(4000),
        achieved_on date NOT NULL,
        domain varchar(64) NOT NULL CONSTRAINT achievement_domain_fkey REFERENCES specialty_domain(code),
        recognition_level varchar(16) NOT NULL CONSTRAINT achievement_recognition_level_check
          CHECK (recognition_level IN ('UNIT','COUNTY','PREFECTURE','PROVINCE','NATIONAL')),
        verification_status varchar(16) NOT NULL DEFAULT 'CLAIMED' CONSTRAINT achievement_verification_status_check
          CHECK (verification_status IN ('CLAIMED','VERIFIED','REJECTED')),
        verified_by varchar(200),
        verified_at timestamptz,
        verification_note varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT achievement_title_check CHECK (length(btrim(title)) > 0),
        CONSTRAINT achievement_verification_check
          CHECK ((verification_status = 'CLAIMED') = (verified_at IS NULL AND verified_by IS NULL))
      )`);
    await q.query(`CREATE INDEX achievement_cadre_idx ON achievement (cadre_id)`);
    await q.query(`CREATE INDEX achievement_domain_verified_idx ON achievement (domain, achieved_on)
                   WHERE verification_status = 'VERIFIED'`);

    await q.query(`
      CREATE TABLE achievement_impact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        achievement_id uuid NOT NULL CONSTRAINT achievement_impact_achievement_fkey
          REFERENCES achievement(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        indicator varchar(200) NOT NULL,
        baseline numeric NOT NULL,
        result numeric NOT NULL,
        unit varchar(32) NOT NULL,
        better_when varchar(8) NOT NULL CONSTRAINT achievement_impact_better_when_check
          CHECK (better_when IN ('HIGHER','LOWER')),
        CONSTRAINT achievement_impact_indicator_check CHECK (length(btrim(indicator)) > 0),
        CONSTRAINT achievement_impact_position_key UNIQUE (achievement_id, position)
      )`);

    await q.query(`
      CREATE TABLE appraisal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL CONSTRAINT appraisal_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        year smallint NOT NULL CONSTRAINT appraisal_year_check CHECK (year BETWEEN 1950 AND 2100),
        grade varchar(24) NOT NULL CONSTRAINT appraisal_grade_check
          CHECK (grade IN ('EXCELLENT','COMPETENT','BASICALLY_COMPETENT','INCOMPETENT','UNGRADED')),
        note varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appraisal_cadre_year_key UNIQUE (cadre_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'appraisal',
      'achievement_impact',
      'achievement',
      'training',
      'posting',
      'cadre',
      'specialty_domain',
      'position_level',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP TABLE IF EXISTS unit`);
    await q.query(`DROP FUNCTION IF EXISTS unit_set_path()`);
  }
}
