import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { Training } from './training.model';

// Plain rows in the GraphQL type's shape (see posting.loader.ts). class_hours is numeric(6,1): as float8 the
// driver hands over a number, the same one Number() made of its text.
const COLUMNS = `id, cadre_id AS "cadreId", title, provider, kind, start_date AS "startDate", end_date AS "endDate",
  class_hours::float8 AS "classHours", completed`;

export function createTrainingsByCadreLoader(ds: DataSource): DataLoader<string, Training[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: Training[] = await ds.query(
      `SELECT ${COLUMNS} FROM training WHERE cadre_id = ANY($1::uuid[]) ORDER BY start_date, id`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
