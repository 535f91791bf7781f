import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { PathwayArgs } from './dto/pathway.args';
import { Pathway } from './pathway.model';
import { pathwayLoader } from './pathway.loader';
import { PathwayService } from './pathway.service';

/** Adds `Cadre.pathway(asOf)`, batched per request. */
@Resolver(() => Cadre)
export class CadrePathwayResolver {
  constructor(private readonly service: PathwayService) {}

  @ResolveField(() => Pathway, {
    nullable: true,
    description: 'The next level on the ladder, each requirement for it, and when it can be met.',
  })
  async pathway(
    @Parent() cadre: Cadre,
    @Args() { asOf }: PathwayArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Pathway | null> {
    const p = await pathwayLoader(ctx, this.service, asOf ?? today()).load(cadre.id);
    return p ? Pathway.from(p) : null;
  }
}
