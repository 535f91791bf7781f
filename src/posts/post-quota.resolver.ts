import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Unit } from '../units/unit.model';
import { StaffingArgs } from './dto/vacancies.args';
import { PostQuota, Staffing } from './post.model';
import { PostsService } from './posts.service';

@Resolver(() => PostQuota)
export class PostQuotaResolver {
  constructor(private readonly service: PostsService) {}

  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() quota: PostQuota, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(quota.unitId);
    if (!unit) throw DomainError.notFound('Unit', quota.unitId);
    return unit;
  }

  @ResolveField(() => Staffing, {
    nullable: true,
    description:
      'Holders at the level in the unit against the quota on asOf; null where the unit itemises posts at this level (the posts carry the staffing).',
  })
  async staffing(
    @Parent() quota: PostQuota,
    @Args() { asOf }: StaffingArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Staffing | null> {
    return this.service.staffing(ctx, quota.id, asOf);
  }
}
