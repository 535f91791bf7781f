import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { TrainingEntity } from './training.entity';

export function createTrainingsByCadreLoader(ds: DataSource): DataLoader<string, TrainingEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows = await ds.getRepository(TrainingEntity).find({
      where: { cadreId: In([...cadreIds]) },
      order: { startDate: 'ASC', id: 'ASC' },
    });
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
