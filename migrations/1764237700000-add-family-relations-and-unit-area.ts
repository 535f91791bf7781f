import { MigrationInterface, QueryRunner } from 'typeorm';
import { UNINSTALL } from '../src/rules/spans/install';

/** The kinds of relation (src/appointment-form/relation-kind.ts); which are close is policy data (AVOIDANCE). */
const KINDS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
  'UNCLE_AUNT',
  'NEPHEW_NIECE',
  'COUSIN',
  'PARENT_IN_LAW',
  'CHILD_IN_LAW',
  'SIBLING_IN_LAW',
  'OTHER',
];

/** The 称谓 already recorded, read as a kind; anything else is OTHER (a department corrects it by updateFamilyMember). */
const BACKFILL: Record<string, string[]> = {
  SPOUSE: ['妻子', '丈夫', '配偶', '妻', '夫'],
  PARENT: ['父亲', '母亲', '父', '母'],
  CHILD: ['儿子', '女儿', '长子', '次子', '长女', '次女', '子', '女'],
  SIBLING: ['哥哥', '弟弟', '姐姐', '妹妹', '兄', '弟', '姐', '妹'],
  PARENT_IN_LAW: ['岳父', '岳母', '公公', '婆婆'],
  CHILD_IN_LAW: ['儿媳', '女婿'],
};

/**
 * Avoidance (回避, issue #19) needs two facts the schema lacked:
 * - on family_member, the kind of relation (a code; the 称谓 stays as the form prints it) and, when the relative is
 *   a cadre in this service, that cadre (related_cadre_id; the link is read both ways). A cadre is not their own
 *   relative and is linked to another cadre once.
 * - on unit, area_name: the administrative area a unit governs (e.g. 白马县), set on the area's top units; home-area
 *   avoidance compares it with the cadre's native place and place of birth.
 */
export class AddFamilyRelationsAndUnitArea1764237700000 implements MigrationInterface {
  name = 'AddFamilyRelationsAndUnitArea1764237700000';

  async up(q: QueryRunner): Promise<void> {
    const list = KINDS.map((k) => `'${k}'`).join(',');
    await q.query(`ALTER TABLE family_member ADD COLUMN relation_kind varchar(24)`);
    for (const [kind, words] of Object.entries(BACKFILL)) {
      await q.query(`UPDATE family_member SET relation_kind = $1 WHERE btrim(relation) = ANY($2::text[])`, [
        kind,
        words,
      ]);
    }
    await q.query(`UPDATE family_member SET relation_kind = 'OTHER' WHERE relation_kind IS NULL`);
    await q.query(`
      ALTER TABLE family_member
        ALTER COLUMN relation_kind SET NOT NULL,
        ADD CONSTRAINT family_member_relation_kind_check CHECK (relation_kind IN (${list})),
        ADD COLUMN related_cadre_id uuid
          CONSTRAINT family_member_related_cadre_fkey REFERENCES cadre(id) ON DELETE SET NULL,
        ADD CONSTRAINT family_member_not_self_check CHECK (related_cadre_id <> cadre_id),
        ADD CONSTRAINT family_member_related_cadre_key UNIQUE (cadre_id, related_cadre_id)`);
    await q.query(
      `CREATE INDEX family_member_related_cadre_idx ON family_member (related_cadre_id) WHERE related_cadre_id IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE unit
        ADD COLUMN area_name varchar(100),
        ADD CONSTRAINT unit_area_name_check CHECK (area_name IS NULL OR length(btrim(area_name)) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The installed span SQL (src/rules/spans/install.ts) reads these columns: uninstalled here, it is installed
    // again at the next boot.
    await q.query(UNINSTALL);
    await q.query(`DELETE FROM rule_span_install`);
    await q.query(`ALTER TABLE unit DROP COLUMN IF EXISTS area_name`);
    await q.query(`DROP INDEX IF EXISTS family_member_related_cadre_idx`);
    await q.query(`
      ALTER TABLE family_member
        DROP COLUMN IF EXISTS related_cadre_id,
        DROP COLUMN IF EXISTS relation_kind`);
  }
}
