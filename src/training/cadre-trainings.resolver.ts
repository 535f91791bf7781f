import { ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Training } from './training.model';

/** Adds `Cadre.trainings`, batched per request. */
@Resolver(() => Cadre)
export class CadreTrainingsResolver {
  @ResolveField(() => [Training], { description: 'Trainings, oldest first.' })
  // No parameter decorators: Nest calls the method directly (see CadrePostingsResolver.postings).
  trainings(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<Training[]> {
    return ctx.loaders.trainingsByCadre.load(cadre.id);
  }
}
