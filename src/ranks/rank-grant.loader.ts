import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { RankGrantEntity } from './rank-grant.entity';
import { RankGrant } from './rank-grant.model';

/** One query per request for every cadre's rank grants, earliest first. */
export function createRanksByCadreLoader(ds: DataSource): DataLoader<string, RankGrant[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(RankGrantEntity).find({
      where: { cadreId: In([...cadreIds]) },
      order: { startDate: 'ASC', id: 'ASC' },
    });
    return groupBy(
      cadreIds,
      rows.map((r) => RankGrant.from(r)),
      (r) => r.cadreId,
    );
  });
}
