import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { Sanction } from './sanction.model';
import { readSanctions } from './sanction.sql';

/** One query per request for every cadre's sanctions, oldest decision first. */
export function createSanctionsByCadreLoader(ds: DataSource): DataLoader<string, Sanction[]> {
  return new DataLoader(async (cadreIds) =>
    groupBy(cadreIds, await readSanctions(ds, { cadreIds }), (r) => r.cadreId),
  );
}
