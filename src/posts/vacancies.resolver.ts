import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Unit } from '../units/unit.model';
import { VacanciesArgs } from './dto/vacancies.args';
import { Post, Vacancy, VacancyConnection } from './post.model';
import { VacanciesService } from './vacancies.service';

@Resolver(() => Vacancy)
export class VacanciesResolver {
  constructor(private readonly service: VacanciesService) {}

  @Query(() => VacancyConnection, {
    description:
      'Posts (and quotas) with fewer holders than their number on asOf, counting as gone those whose posting ends or who pass a must-rotate limit by then; longest vacant first.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async vacancies(@CurrentCaller() caller: Caller, @Args() args: VacanciesArgs): Promise<VacancyConnection> {
    return this.service.list(caller, args);
  }

  @ResolveField(() => Post, { nullable: true, description: 'POST: the post.' })
  post(@Parent() v: Vacancy): Post | null {
    return v.post;
  }

  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() v: Vacancy, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(v.unitId);
    if (!unit) throw DomainError.notFound('Unit', v.unitId);
    return unit;
  }
}
