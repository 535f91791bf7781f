import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Achievement } from './achievement.model';

/** Adds `Cadre.achievements`, with their impacts, batched per request. */
@Resolver(() => Cadre)
export class CadreAchievementsResolver {
  @ResolveField(() => [Achievement], { description: 'Achievements of every status, oldest first.' })
  async achievements(@Parent() cadre: Cadre, @Context() ctx: GraphQLContext): Promise<Achievement[]> {
    return (await ctx.loaders.achievementsByCadre.load(cadre.id)).map((a) => Achievement.from(a));
  }
}
