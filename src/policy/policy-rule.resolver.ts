import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { PolicyRule, RuleCitationModel } from './policy.model';
import { citationText } from './rule-texts';

@Resolver(() => PolicyRule)
export class PolicyRuleResolver {
  @ResolveField(() => String, { description: 'The rule in one sentence, in the caller’s locale.' })
  sentence(@Parent() r: PolicyRule, @Context() ctx: GraphQLContext): string {
    return ctx.locale === 'zh-CN' ? r.sentences.zhCN : r.sentences.en;
  }

  @ResolveField(() => String, {
    description: 'The public text it comes from, as one line in the caller’s locale.',
    deprecationReason: 'Use citation { basis references { title year article } note text }.',
  })
  source(@Parent() r: PolicyRule, @Context() ctx: GraphQLContext): string {
    return r.citation ? citationText(r.citation.stored, ctx.locale) : r.sourceLine;
  }
}

@Resolver(() => RuleCitationModel)
export class RuleCitationResolver {
  @ResolveField(() => String, {
    description:
      'The citation as one line in the caller’s locale, e.g. 《党政领导干部选拔任用工作条例》（2019）第八条第（三）项；全国规定的默认值.',
  })
  text(@Parent() c: RuleCitationModel, @Context() ctx: GraphQLContext): string {
    return citationText(c.stored, ctx.locale);
  }
}
