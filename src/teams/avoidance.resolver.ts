import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { avoidanceReason, renderReason } from '../i18n/reasons';
import { AvoidanceBreachModel, AvoidanceCheck } from './avoidance.model';
import { AvoidanceService } from './avoidance.service';
import { AvoidanceCheckArgs } from './dto/avoidance-check.args';

@Resolver()
export class AvoidanceResolver {
  constructor(private readonly service: AvoidanceService) {}

  @Query(() => AvoidanceCheck, {
    description:
      'Would appointing this cadre to this post (unit, title, level) on asOf breach the avoidance rules (回避)? Each breach as a code and its facts.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async avoidanceCheck(
    @CurrentCaller() caller: Caller,
    @Args() args: AvoidanceCheckArgs,
  ): Promise<AvoidanceCheck> {
    return this.service.check(caller, args);
  }
}

@Resolver(() => AvoidanceBreachModel)
export class AvoidanceBreachResolver {
  @ResolveField(() => String, {
    description: 'The breach in the caller’s locale (the sentence of the flag AVOIDANCE_CONFLICT).',
  })
  message(@Parent() b: AvoidanceBreachModel, @Context() ctx: GraphQLContext): string {
    return renderReason(avoidanceReason(b), ctx.locale);
  }
}
