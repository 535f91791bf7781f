import DataLoader from 'dataloader';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { TalentPool, TalentPoolMember } from './talent-pool.model';
import { TalentPoolsService } from './talent-pools.service';

/**
 * Per request and per asOf: the members of every pool a query asks for (a talentPools page) in one batch, checked
 * against the caller's jurisdiction through the request's cadre access loader.
 */
const perRequest = new WeakMap<GraphQLContext, Map<string, DataLoader<TalentPool, TalentPoolMember[], string>>>();

export function poolMembersLoader(
  ctx: GraphQLContext,
  service: TalentPoolsService,
  asOf: string,
): DataLoader<TalentPool, TalentPoolMember[], string> {
  let byDate = perRequest.get(ctx);
  if (!byDate) perRequest.set(ctx, (byDate = new Map()));
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
