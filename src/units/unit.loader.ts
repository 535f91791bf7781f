import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { GRASSROOTS_UNIT_LEVELS } from './unit.entity';
import { Unit } from './unit.model';

// Plain rows in the GraphQL type's shape, made once per unit and request: a page of postings names the same
// units many times, and each used to be hydrated as an entity and then copied into a Unit per posting.
const COLUMNS = `id, code, name, level, kind, parent_id AS "parentId", area_name AS "areaName", source`;

export function createUnitLoader(ds: DataSource): DataLoader<string, Unit | null> {
  return new DataLoader(async (ids) => {
    const rows: Unit[] = await ds.query(`SELECT ${COLUMNS} FROM unit WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const byId = new Map<string, Unit>();
    for (const r of rows) {
      r.isGrassroots = GRASSROOTS_UNIT_LEVELS.includes(r.level);
      byId.set(r.id, r);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
}
