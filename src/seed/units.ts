import { randomUUID } from 'node:crypto';
import { RowBuffer, RunSql } from './rows';

export type UnitLevel = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY' | 'PREFECTURE' | 'PROVINCE';

/** What a unit is within its area; decides which posts it offers and how they are titled. */
export type UnitRole =
  | 'PROVINCE_GOV'
  | 'PROVINCE_PARTY'
  | 'PROVINCE_DEPT'
  | 'PREF_GOV'
  | 'PREF_PARTY'
  | 'PREF_BUREAU'
  | 'COUNTY_GOV'
  | 'COUNTY_PARTY'
  | 'COUNTY_DEPT'
  | 'TOWNSHIP'
  | 'VILLAGE';

export interface SeedUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  parentId: string | null;
  role: UnitRole;
  /** 县/区/市 for counties, 镇/乡/街道 for townships: the word that heads a post title (副县长, 镇长). */
  word: string;
  depth: number;
}

export interface CountyArea {
  name: string;
  gov: SeedUnit;
  party: SeedUnit;
  depts: SeedUnit[];
  townships: SeedUnit[];
  villages: SeedUnit[];
}

export interface PrefectureArea {
  name: string;
  gov: SeedUnit;
  party: SeedUnit;
  bureaus: SeedUnit[];
  counties: CountyArea[];
}

export interface UnitCatalog {
  units: SeedUnit[];
  /** Absent in the demo, which is one prefecture-level city. */
  provinceDepts: SeedUnit[];
  prefectures: PrefectureArea[];
}

export interface UnitSpec {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  role: UnitRole;
  word?: string;
}

/** Collects units parent-first; ids are made here so children can point at parents before anything is written. */
export class UnitTree {
  readonly units: SeedUnit[] = [];

  add(spec: UnitSpec, parent: SeedUnit | null): SeedUnit {
    const unit: SeedUnit = {
      id: randomUUID(),
      word: '',
      ...spec,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
    };
    this.units.push(unit);
    return unit;
  }
}

/** One statement per tree depth: the path trigger reads each parent's path, so parents are written first. */
export async function insertUnits(run: RunSql, units: readonly SeedUnit[]): Promise<void> {
  const maxDepth = Math.max(...units.map((u) => u.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const buf = new RowBuffer('unit', [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['level', 'text'],
      ['kind', 'text'],
      ['parent_id', 'uuid'],
    ]);
    for (const u of units) {
      if (u.depth === depth) buf.push(u.id, u.code, u.name, u.level, u.kind, u.parentId);
    }
    await buf.insert(run);
  }
}
