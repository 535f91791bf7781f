import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { TrainingEntity } from './training.entity';

// Plain rows named as the entity's properties (see posting.loader.ts); class_hours is numeric, read as text.
const COLUMNS = `id, cadre_id AS "cadreId", title, provider, kind, start_date AS "startDate", end_date AS "endDate",
  class_hours AS "classHours", completed, created_at AS "createdAt", updated_at AS "updatedAt"`;

export function createTrainingsByCadreLoader(ds: DataSource): DataLoader<string, TrainingEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: (Omit<TrainingEntity, 'classHours'> & { classHours: string })[] = await ds.query(
      `SELECT ${COLUMNS} FROM training WHERE cadre_id = ANY($1::uuid[]) ORDER BY start_date, id`,
      [[...cadreIds]],
    );
    const trainings = rows.map((r): TrainingEntity => ({ ...r, classHours: Number(r.classHours) }));
    return groupBy(cadreIds, trainings, (r) => r.cadreId);
  });
}
