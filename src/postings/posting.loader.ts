import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { PostingEntity } from './posting.entity';

// Plain rows named as the entity's properties: on a 50-cadre page TypeORM's entity hydration cost about twice
// the Node time of the query itself (npm run bench).
const COLUMNS = `id, cadre_id AS "cadreId", unit_id AS "unitId", title, level, kind, start_date AS "startDate",
  end_date AS "endDate", source, external_id AS "externalId", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** All postings of each cadre, oldest first. */
export function createPostingsByCadreLoader(ds: DataSource): DataLoader<string, PostingEntity[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: PostingEntity[] = await ds.query(
      `SELECT ${COLUMNS} FROM posting WHERE cadre_id = ANY($1::uuid[]) ORDER BY start_date, id`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
