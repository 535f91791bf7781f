import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD = [
  'PARTY_SCHOOL',
  'ADMINISTRATION_INSTITUTE',
  'UNIVERSITY',
  'ONLINE',
  'ON_THE_JOB',
  'OTHER',
  'CADRE_ACADEMY',
];
const NEW = [...OLD, 'FULL_TIME_CLASS'];
const check = (kinds: string[]) =>
  `ALTER TABLE training ADD CONSTRAINT training_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;

/**
 * Training kind FULL_TIME_CLASS (脱产培训班): full-time classes taken away from the job count as centralised
 * training for TRAINING_ANNUAL and TRAINING_5Y beside Party schools, administration institutes, cadre academies
 * and universities (干部教育培训工作条例 (2023) art. 14; issue 16), while ON_THE_JOB (在职培训, part-time) and
 * ONLINE do not. Down refuses while such rows exist (the check would fail), rather than rewriting anyone's record.
 */
export class AddTrainingKindFullTimeClass1764237300000 implements MigrationInterface {
  name = 'AddTrainingKindFullTimeClass1764237300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training DROP CONSTRAINT training_kind_check`);
    await q.query(check(NEW));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training DROP CONSTRAINT training_kind_check`);
    await q.query(check(OLD));
  }
}
