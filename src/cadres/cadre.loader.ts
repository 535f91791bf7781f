import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { CadreEntity } from './cadre.entity';

/** Cadres by id; ids the caller may not read (decided by `readable`, one query per batch) are FORBIDDEN. */
export function createCadreLoader(
  ds: DataSource,
  readable: (ids: readonly string[]) => Promise<Set<string>>,
): DataLoader<string, CadreEntity | null> {
  return new DataLoader<string, CadreEntity | null>(async (ids) => {
    const allowed = await readable(ids);
    const wanted = ids.filter((id) => allowed.has(id));
    const rows = wanted.length ? await ds.getRepository(CadreEntity).findBy({ id: In(wanted) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) =>
      allowed.has(id)
        ? (byId.get(id) ?? null)
        : DomainError.forbidden('This cadre is outside what you may see.'),
    );
  });
}
