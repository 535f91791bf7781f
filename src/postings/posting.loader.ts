import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { Posting } from './posting.model';

// Plain rows in the GraphQL type's shape, served as they are: on a 50-cadre page TypeORM's entity hydration
// cost about twice the Node time of the query itself, and copying each row into a Posting (or parsing the
// timestamps nothing shows) was a further allocation per posting (npm run bench).
const COLUMNS = `id, cadre_id AS "cadreId", unit_id AS "unitId", title, level, kind, start_date AS "startDate",
  end_date AS "endDate", source, external_id AS "externalId"`;

/** All postings of each cadre, oldest first. */
export function createPostingsByCadreLoader(ds: DataSource): DataLoader<string, Posting[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: Posting[] = await ds.query(
      `SELECT ${COLUMNS} FROM posting WHERE cadre_id = ANY($1::uuid[]) ORDER BY start_date, id`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
