import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { Appraisal } from './appraisal.model';

// Plain rows in the GraphQL type's shape (see achievement.loader.ts).
export function createAppraisalsByCadreLoader(ds: DataSource): DataLoader<string, Appraisal[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: Appraisal[] = await ds.query(
      `SELECT id, cadre_id AS "cadreId", year, grade, note FROM appraisal
        WHERE cadre_id = ANY($1::uuid[]) ORDER BY year`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
