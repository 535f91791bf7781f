import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { UnitEntity } from './unit.entity';

export function createUnitLoader(ds: DataSource): DataLoader<string, UnitEntity | null> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(UnitEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
