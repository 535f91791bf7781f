import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { SanctionEntity } from './sanction.entity';
import { Sanction } from './sanction.model';

/** One query per request for every cadre's sanctions, oldest decision first. */
export function createSanctionsByCadreLoader(ds: DataSource): DataLoader<string, Sanction[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(SanctionEntity).find({
      where: { cadreId: In([...cadreIds]) },
      order: { decisionDate: 'ASC', id: 'ASC' },
    });
    return groupBy(
      cadreIds,
      rows.map((r) => Sanction.from(r)),
      (r) => r.cadreId,
    );
  });
}
