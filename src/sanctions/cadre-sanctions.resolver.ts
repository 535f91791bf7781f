import { ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Sanction } from './sanction.model';

/** Adds `Cadre.sanctions`, batched per request; whoever may read the cadre reads them. */
@Resolver(() => Cadre)
export class CadreSanctionsResolver {
  @ResolveField(() => [Sanction], {
    description: 'Sanctions and accountability records (revoked ones too), oldest decision first.',
  })
  // No parameter decorators: Nest calls the method directly (see CadrePostingsResolver.postings).
  sanctions(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<Sanction[]> {
    return ctx.loaders.sanctionsByCadre.load(cadre.id);
  }
}
