import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { Unit } from '../units/unit.model';
import { CreatePostInput, SetPostQuotaInput, UpdatePostInput } from './dto/post.input';
import { StaffingArgs, UnitPostsArgs } from './dto/vacancies.args';
import { Post, PostQuota, Staffing } from './post.model';
import { PostsService } from './posts.service';

@Resolver(() => Post)
export class PostsResolver {
  constructor(private readonly service: PostsService) {}

  @Query(() => Post, { description: 'One post by id, in your jurisdiction.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async post(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Post> {
    return this.service.get(caller, id);
  }

  @Query(() => [Post], { description: 'The posts of one unit (not of its sub-units), by level and title.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async posts(@CurrentCaller() caller: Caller, @Args() { unitId }: UnitPostsArgs): Promise<Post[]> {
    return (await this.service.ofUnit(caller, unitId)).posts;
  }

  @Mutation(() => Post, { description: 'Adds a post (职位) to a unit in your jurisdiction; audited.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async createPost(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The post and its unit.' }) input: CreatePostInput,
  ): Promise<Post> {
    return this.service.create(caller, input);
  }

  @Mutation(() => Post, {
    description:
      'Changes a post; only the fields sent. A number below the current holders is kept and flagged (staffing.overQuota).',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updatePost(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The post’s id and the fields to change.' }) input: UpdatePostInput,
  ): Promise<Post> {
    return this.service.update(caller, input);
  }

  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() post: Post, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(post.unitId);
    if (!unit) throw DomainError.notFound('Unit', post.unitId);
    return unit;
  }

  @ResolveField(() => Staffing, { description: 'Holders against the number on asOf (default today).' })
  async staffing(
    @Parent() post: Post,
    @Args() { asOf }: StaffingArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Staffing> {
    const s = await this.service.staffing(ctx, post.id, asOf);
    if (!s) throw DomainError.notFound('Post', post.id);
    return s;
  }

  // Quotas live on the post resolver: they are the posts of a unit that are not itemised.
  @Mutation(() => PostQuota, {
    description:
      'Sets the approved number of leaders of a level in a unit (职数) where posts are not itemised; audited. Below the current holders it is kept and flagged.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async setPostQuota(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The unit, the level and the number.' }) input: SetPostQuotaInput,
  ): Promise<PostQuota> {
    return this.service.setQuota(caller, input);
  }

  @Query(() => [PostQuota], { description: 'The quotas of one unit, by level.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async postQuotas(@CurrentCaller() caller: Caller, @Args() { unitId }: UnitPostsArgs): Promise<PostQuota[]> {
    return (await this.service.ofUnit(caller, unitId)).quotas;
  }
}
