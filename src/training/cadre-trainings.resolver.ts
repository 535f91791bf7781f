import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Training } from './training.model';

/** Adds `Cadre.trainings`, batched per request. */
@Resolver(() => Cadre)
export class CadreTrainingsResolver {
  @ResolveField(() => [Training], { description: 'Trainings, oldest first.' })
  async trainings(@Parent() cadre: Cadre, @Context() ctx: GraphQLContext): Promise<Training[]> {
    return (await ctx.loaders.trainingsByCadre.load(cadre.id)).map((t) => Training.from(t));
  }
}
