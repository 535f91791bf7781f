import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Reason } from './reason.model';
import { renderReason } from './reasons';

@Resolver(() => Reason)
export class ReasonResolver {
  @ResolveField(() => String, { description: 'The reason in the caller’s locale.' })
  message(@Parent() r: Reason, @Context() ctx: GraphQLContext): string {
    return renderReason(r, ctx.locale);
  }
}
