import DataLoader from 'dataloader';
import type { GraphQLContext } from '../common/graphql/graphql-context';
import { PathwayEvaluation, PathwayLadder, PathwayService } from './pathway.service';

type PathwayLoader = DataLoader<string, PathwayEvaluation | null>;

// One loader per request and asOf, kept beside the request so nothing is cached across callers.
const perRequest = new WeakMap<object, Map<string, PathwayLoader>>();

/** Batches `Cadre.pathway(asOf)` (and `pathways`) over a list into one facts query per distinct asOf and ladder. */
export function pathwayLoader(
  ctx: GraphQLContext,
  service: PathwayService,
  asOf: string,
  ladder: PathwayLadder = 'POST',
): PathwayLoader {
  let byDate = perRequest.get(ctx.req);
  if (!byDate) {
    byDate = new Map();
    perRequest.set(ctx.req, byDate);
  }
  const key = `${asOf}:${ladder}`;
  let loader = byDate.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await service.pathways(ids, asOf, ladder);
      return ids.map((id) => found.get(id) ?? null);
    });
    byDate.set(key, loader);
  }
  return loader;
}
