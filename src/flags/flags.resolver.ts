import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LocaleArgs } from '../i18n/locale.args';
import { FlaggedCadresArgs } from './dto/flags.args';
import { FlaggedCadre, FlaggedCadreConnection } from './flagged-cadre.model';
import { FlagsService } from './flags.service';

@Resolver(() => FlaggedCadre)
export class FlagsResolver {
  constructor(private readonly service: FlagsService) {}

  @Query(() => FlaggedCadreConnection, {
    description: 'Cadres with matching flags, worst severity first, then furthest past a limit.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async flaggedCadres(
    @CurrentCaller() caller: Caller,
    @Args() args: FlaggedCadresArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<FlaggedCadreConnection> {
    return this.service.flaggedCadres(caller, args);
  }

  @ResolveField(() => Cadre, { description: 'The flagged cadre.' })
  async cadre(@Parent() node: FlaggedCadre, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(node.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', node.cadreId);
    return cadre;
  }
}
