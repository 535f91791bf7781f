import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { LocaleArgs } from '../i18n/locale.args';
import { Post } from '../posts/post.model';
import { PostsService } from '../posts/posts.service';
import { RecordSlateDecisionInput, SaveSlateInput, SlateArgs } from './dto/slate.args';
import { SlateBuilder } from './slate-builder.service';
import { SavedSlate, Slate, SlateDecision, SlateMember } from './slate.model';
import { SlatesService } from './slates.service';

@Resolver(() => SavedSlate)
export class SlatesResolver {
  constructor(
    private readonly builder: SlateBuilder,
    private readonly service: SlatesService,
    private readonly posts: PostsService,
  ) {}

  @Query(() => Slate, {
    description:
      'Candidates for a post on asOf from the rules core: eligible or nearly eligible for its level, its domains matched, stuck talent first, exceptional (破格) candidates marked; each with reasons and blockers.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async slate(
    @CurrentCaller() caller: Caller,
    @Args() args: SlateArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<Slate> {
    return this.builder.build(caller, args);
  }

  @Query(() => SavedSlate, {
    description: 'One saved slate (人选名单) by id, with its members and decisions.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async savedSlate(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<SavedSlate> {
    return this.service.get(caller, id);
  }

  @Mutation(() => SavedSlate, {
    description: 'Keeps a post’s slate as it is on asOf, with each snapshot; audited.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async saveSlate(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The post, date and name of the slate to keep.' }) input: SaveSlateInput,
  ): Promise<SavedSlate> {
    return this.service.save(caller, input);
  }

  @Mutation(() => SlateDecision, {
    description:
      'Records a decision on a slate member; APPOINTED ends the old regular posting the day before and records the posting in the post, in one transaction.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordSlateDecision(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The decision to record.' }) input: RecordSlateDecisionInput,
  ): Promise<SlateDecision> {
    return this.service.decide(caller, input);
  }

  @ResolveField(() => Post, { description: 'The post (职位) the slate is for.' })
  async post(@Parent() slate: SavedSlate, @CurrentCaller() caller: Caller): Promise<Post> {
    return this.posts.get(caller, slate.postId);
  }
}

@Resolver(() => SlateMember)
export class SlateMemberResolver {
  @ResolveField(() => Cadre, { nullable: true, description: 'Null when hidden.' })
  async cadre(@Parent() m: SlateMember, @Context() ctx: GraphQLContext): Promise<Cadre | null> {
    if (m.hidden) return null;
    const cadre = await ctx.loaders.cadre.load(m.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', m.cadreId);
    return cadre;
  }
}

@Resolver(() => Post)
export class PostSlatesResolver {
  constructor(private readonly service: SlatesService) {}

  @ResolveField(() => [SavedSlate], { description: 'The slates saved for this post, newest first.' })
  async slates(
    @Parent() post: Post,
    @CurrentCaller() caller: Caller,
    @Context() ctx: GraphQLContext,
  ): Promise<SavedSlate[]> {
    return this.service.ofPost(ctx, caller, post.id);
  }
}
