import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { renderReason } from '../i18n/reasons';
import { Flag } from './flag.model';

@Resolver(() => Flag)
export class FlagResolver {
  @ResolveField(() => String, {
    description: 'One sentence a clerk can read, in the caller’s locale.',
    deprecationReason: 'Use reason { code params message }: the same sentence, with its code and values.',
  })
  message(@Parent() f: Flag, @Context() ctx: GraphQLContext): string {
    return renderReason(f.reason, ctx.locale);
  }
}
