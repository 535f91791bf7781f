import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { PostingEntity } from './posting.entity';

/** All postings of each cadre, oldest first. */
export function createPostingsByCadreLoader(ds: DataSource): DataLoader<string, PostingEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(PostingEntity).find({
      where: { cadreId: In([...cadreIds]) },
      order: { startDate: 'ASC', id: 'ASC' },
    });
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
