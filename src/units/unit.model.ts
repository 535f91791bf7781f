import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UNIT_KINDS, UNIT_LEVELS, UnitEntity, UnitKind, UnitLevel } from './unit.entity';

/** Also on Cadre. */
export const SOURCE_DESCRIPTION =
  "The HR system that keeps this record: only its syncs may change it (an ADMIN sync hands it over). Null: kept by this service's own users.";

export const UnitLevelEnum = Object.fromEntries(UNIT_LEVELS.map((l) => [l, l])) as Record<
  UnitLevel,
  UnitLevel
>;
registerEnumType(UnitLevelEnum, {
  name: 'UnitLevel',
  description: 'Administrative level; COUNTY and below is grassroots.',
});
export const UnitKindEnum = Object.fromEntries(UNIT_KINDS.map((k) => [k, k])) as Record<UnitKind, UnitKind>;
registerEnumType(UnitKindEnum, { name: 'UnitKind' });

@ObjectType('Unit', {
  description: 'An organisation in the tree: province, prefecture, county, township, village…',
})
export class Unit {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => UnitLevelEnum) level!: UnitLevel;
  @Field(() => UnitKindEnum) kind!: UnitKind;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field({ description: 'True for units at COUNTY level and below.' }) isGrassroots!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The administrative area the unit governs (e.g. 白马县), on an area’s top units: home-area avoidance.',
  })
  areaName!: string | null;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source!: string | null;

  static from(e: UnitEntity): Unit {
    return Object.assign(new Unit(), {
      id: e.id,
      code: e.code,
      name: e.name,
      level: e.level,
      kind: e.kind,
      parentId: e.parentId,
      areaName: e.areaName,
      source: e.source,
      isGrassroots: ['VILLAGE', 'TOWNSHIP', 'COUNTY'].includes(e.level),
    });
  }
}
