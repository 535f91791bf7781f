import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { AppraisalEntity } from './appraisal.entity';

export function createAppraisalsByCadreLoader(ds: DataSource): DataLoader<string, AppraisalEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(AppraisalEntity).find({
      where: { cadreId: In([...cadreIds]) },
      order: { year: 'ASC' },
    });
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
