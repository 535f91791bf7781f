import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Requirement } from './pathway.model';

@Resolver(() => Requirement)
export class RequirementResolver {
  @ResolveField(() => String, {
    description: "The rule's sentence, in the caller's locale.",
    deprecationReason:
      'Use reason { code params message } for the requirement, and policy { rules { sentence } } for the rule.',
  })
  description(@Parent() r: Requirement, @Context() ctx: GraphQLContext): string {
    return r.sentences[ctx.locale];
  }
}
