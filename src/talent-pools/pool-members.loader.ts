import DataLoader from 'dataloader';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { TalentPool, TalentPoolMember } from './talent-pool.model';
import { TalentPoolsService } from './talent-pools.service';

/**
 * Per request and per asOf: the members of every pool a query asks for (a talentPools page) in one batch, checked
 * against the caller's jurisdiction through the request's cadre access loader.
 */
type MembersLoader = DataLoader<TalentPool, TalentPoolMember[], string>;
const perRequest = new WeakMap<GraphQLContext, Map<string, MembersLoader>>();

export function poolMembersLoader(
  ctx: GraphQLContext,
  service: TalentPoolsService,
  asOf: string,
): MembersLoader {
  let byDate = perRequest.get(ctx);
  if (!byDate) perRequest.set(ctx, (byDate = new Map<string, MembersLoader>()));
  let loader = byDate.get(asOf);
  if (!loader) {
    loader = new DataLoader(
      (pools) => service.membersOf(pools, asOf, (ids) => ctx.loaders.readableCadres(ids)),
      { cacheKeyFn: (pool) => pool.id },
    );
    byDate.set(asOf, loader);
  }
  return loader;
}
