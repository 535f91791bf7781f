import { ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Appraisal } from './appraisal.model';

/** Adds `Cadre.appraisals`, batched per request. */
@Resolver(() => Cadre)
export class CadreAppraisalsResolver {
  @ResolveField(() => [Appraisal], { description: 'Annual appraisals, oldest year first.' })
  // No parameter decorators: Nest calls the method directly (see CadrePostingsResolver.postings).
  appraisals(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<Appraisal[]> {
    return ctx.loaders.appraisalsByCadre.load(cadre.id);
  }
}
