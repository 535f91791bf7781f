import { ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Achievement } from './achievement.model';

/** Adds `Cadre.achievements`, with their impacts, batched per request. */
@Resolver(() => Cadre)
export class CadreAchievementsResolver {
  @ResolveField(() => [Achievement], { description: 'Achievements of every status, oldest first.' })
  // No parameter decorators: Nest calls the method directly (see CadrePostingsResolver.postings).
  achievements(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<Achievement[]> {
    return ctx.loaders.achievementsByCadre.load(cadre.id);
  }
}
