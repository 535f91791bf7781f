import DataLoader from 'dataloader';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Flag } from './flag.model';
import { FlagsService } from './flags.service';

/** Per request, asOf and asOfRecorded: one SQL evaluation for all the cadres a query asks flags for. */
const perRequest = new WeakMap<GraphQLContext, Map<string, DataLoader<string, Flag[]>>>();

export function flagsLoader(
  ctx: GraphQLContext,
  service: FlagsService,
  asOf: string,
  asOfRecorded: string,
): DataLoader<string, Flag[]> {
  let byDate = perRequest.get(ctx);
  if (!byDate) perRequest.set(ctx, (byDate = new Map<string, DataLoader<string, Flag[]>>()));
  const key = `${asOf}|${asOfRecorded}`;
  let loader = byDate.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const { policyVersion, flags } = await service.forCadres(ids, asOf, asOfRecorded);
      return flags.map((rows) => rows.map((r) => Flag.from(r, policyVersion)));
    });
    byDate.set(key, loader);
  }
  return loader;
}
