import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UNIT_KINDS, UNIT_LEVELS, UnitEntity, UnitKind, UnitLevel } from './unit.entity';
import { labelledValues } from '../common/graphql/enum-values';

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
  valuesMap: labelledValues(UNIT_LEVELS, 'unitLevel', {
    COUNTY: 'grassroots (基层).',
    TOWNSHIP: 'grassroots (基层).',
    VILLAGE: 'grassroots (基层).',
  }),
});
export const UnitKindEnum = Object.fromEntries(UNIT_KINDS.map((k) => [k, k])) as Record<UnitKind, UnitKind>;
registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description:
    'What kind of body the unit is; some posts (courts, procuratorate, discipline) have avoidance rules.',
  valuesMap: {
    PARTY_COMMITTEE: { description: 'A Party committee or its departments (党委).' },
    GOVERNMENT: { description: 'A people’s government or its departments (政府).' },
    PEOPLES_CONGRESS: { description: 'A people’s congress standing committee (人大).' },
    CPPCC: { description: 'A committee of the political consultative conference (政协).' },
    DISCIPLINE_INSPECTION: {
      description: 'A discipline inspection commission or supervision body (纪委监委).',
    },
    COURT: { description: 'A people’s court (法院).' },
    PROCURATORATE: { description: 'A people’s procuratorate (检察院).' },
    PUBLIC_INSTITUTION: { description: 'A public institution (事业单位).' },
    STATE_ENTERPRISE: { description: 'A state-owned enterprise (国有企业).' },
    MASS_ORGANISATION: {
      description: 'A mass organisation: trade union, Youth League, women’s federation (群团组织).',
    },
    VILLAGE_COMMITTEE: { description: 'A villagers’ committee (村民委员会).' },
    COMMUNITY_COMMITTEE: { description: 'An urban residents’ committee (社区居民委员会).' },
    OTHER: { description: 'Any other kind.' },
  },
});

@ObjectType('Unit', {
  description: 'An organisation in the tree: province, prefecture, county, township, village…',
})
export class Unit {
  @Field(() => ID, { description: "The unit's id (UUID)." }) id!: string;
  @Field({ description: "The unit's code, unique; syncs and imports name units by it." }) code!: string;
  @Field({ description: "The unit's name, e.g. 某某乡人民政府." }) name!: string;
  @Field(() => UnitLevelEnum, { description: 'Administrative level (行政层级).' }) level!: UnitLevel;
  @Field(() => UnitKindEnum, { description: 'What kind of body it is.' }) kind!: UnitKind;
  @Field(() => ID, { nullable: true, description: "The parent unit's id; null for the root." }) parentId!:
    string | null;
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
