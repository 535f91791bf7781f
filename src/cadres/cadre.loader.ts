import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { CadreEntity } from './cadre.entity';

export function createCadreLoader(ds: DataSource): DataLoader<string, CadreEntity | null> {
  return new DataLoader(async (ids) => {
    const rows = await ds.getRepository(CadreEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
