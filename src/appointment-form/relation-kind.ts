import { registerEnumType } from '@nestjs/graphql';
import { labelledValues } from '../common/graphql/enum-values';

/**
 * Kinds of family member and important social relation (family_member.relation_kind, checked by the database).
 * Which of them count as close relatives for avoidance is policy data (AVOIDANCE.closeRelations).
 */
export const RELATION_KINDS = [
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
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const RelationKindEnum = Object.fromEntries(RELATION_KINDS.map((k) => [k, k])) as Record<
  RelationKind,
  RelationKind
>;
registerEnumType(RelationKindEnum, {
  name: 'RelationKind',
  description:
    'Kind of relation: 配偶 SPOUSE, 父母 PARENT, 子女 CHILD, 兄弟姐妹 SIBLING, (外)祖父母 GRANDPARENT, (外)孙子女 GRANDCHILD, 叔伯姑舅姨 UNCLE_AUNT, 侄甥 NEPHEW_NIECE, 堂表兄弟姐妹 COUSIN, 岳父母/公婆 PARENT_IN_LAW, 儿媳/女婿 CHILD_IN_LAW, 兄弟姐妹的配偶/配偶的兄弟姐妹 SIBLING_IN_LAW, 其他社会关系 OTHER.',
  valuesMap: labelledValues(RELATION_KINDS, 'relationKind'),
});

/** Common 称谓 read as a kind when a client gives none (the migration read stored rows the same way). */
const BY_WORD: Record<string, RelationKind> = Object.fromEntries(
  Object.entries({
    SPOUSE: ['妻子', '丈夫', '配偶', '妻', '夫'],
    PARENT: ['父亲', '母亲', '父', '母'],
    CHILD: ['儿子', '女儿', '长子', '次子', '长女', '次女', '子', '女'],
    SIBLING: ['哥哥', '弟弟', '姐姐', '妹妹', '兄', '弟', '姐', '妹'],
    PARENT_IN_LAW: ['岳父', '岳母', '公公', '婆婆'],
    CHILD_IN_LAW: ['儿媳', '女婿'],
  }).flatMap(([kind, words]) => words.map((w) => [w, kind as RelationKind])),
);

export const relationKindOf = (relation: string): RelationKind => BY_WORD[relation.trim()] ?? 'OTHER';
