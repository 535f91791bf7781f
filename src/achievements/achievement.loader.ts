import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { AchievementEntity } from './achievement.entity';

export function createAchievementsByCadreLoader(ds: DataSource): DataLoader<string, AchievementEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(AchievementEntity).find({
      where: { cadreId: In([...cadreIds]) },
      relations: { impacts: true },
      order: { achievedOn: 'ASC', id: 'ASC', impacts: { position: 'ASC' } },
    });
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
