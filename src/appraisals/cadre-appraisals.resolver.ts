import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Appraisal } from './appraisal.model';

/** Adds `Cadre.appraisals`, batched per request. */
@Resolver(() => Cadre)
export class CadreAppraisalsResolver {
  @ResolveField(() => [Appraisal], { description: 'Annual appraisals, oldest year first.' })
  async appraisals(@Parent() cadre: Cadre, @Context() ctx: GraphQLContext): Promise<Appraisal[]> {
    return (await ctx.loaders.appraisalsByCadre.load(cadre.id)).map((a) => Appraisal.from(a));
  }
}
