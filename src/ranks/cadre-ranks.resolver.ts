import { ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { RankGrant } from './rank-grant.model';

/** Adds `Cadre.ranks`, batched per request. */
@Resolver(() => Cadre)
export class CadreRanksResolver {
  @ResolveField(() => [RankGrant], { description: 'Rank grants (职级), earliest first.' })
  // No parameter decorators: Nest calls the method directly (see CadrePostingsResolver.postings).
  ranks(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<RankGrant[]> {
    return ctx.loaders.ranksByCadre.load(cadre.id);
  }
}
