import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { FlagChange, FlagChangeConnection, FlagChangesArgs } from './flag-change.model';
import { FlagChangesService } from './flag-changes.service';

@Resolver(() => FlagChange)
export class FlagChangesResolver {
  constructor(private readonly service: FlagChangesService) {}

  @Query(() => FlagChangeConnection, {
    description:
      'The change feed (预警变化): flags that start, escalate, ease or end between from and to, for the cadres ' +
      'of a jurisdiction, in date order. Future dates tell what will happen if the records stay as they are ' +
      '("who reaches a posting limit in the next 90 days").',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async flagChanges(
    @CurrentCaller() caller: Caller,
    @Args() args: FlagChangesArgs,
  ): Promise<FlagChangeConnection> {
    return this.service.flagChanges(caller, args);
  }

  @ResolveField(() => Cadre, { description: 'The cadre whose flag changed.' })
  async cadre(@Parent() node: FlagChange, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(node.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', node.cadreId);
    return cadre;
  }
}
