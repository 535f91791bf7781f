import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD = ['PARTY_SCHOOL', 'ADMINISTRATION_INSTITUTE', 'UNIVERSITY', 'ONLINE', 'ON_THE_JOB', 'OTHER'];
const NEW = [...OLD, 'CADRE_ACADEMY'];
const check = (kinds: string[]) =>
  `ALTER TABLE training ADD CONSTRAINT training_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;

/**
 * Training kind CADRE_ACADEMY (干部学院): cadre academies count for induction training beside Party schools and
 * administration institutes (党政领导干部选拔任用工作条例 (2019) art. 8(5); issue 15, PROMO_TRAINING). Down
 * refuses while such rows exist (the check would fail), rather than rewriting anyone's record.
 */
export class AddTrainingKindCadreAcademy1764236300000 implements MigrationInterface {
  name = 'AddTrainingKindCadreAcademy1764236300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training DROP CONSTRAINT training_kind_check`);
    await q.query(check(NEW));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training DROP CONSTRAINT training_kind_check`);
    await q.query(check(OLD));
  }
}
