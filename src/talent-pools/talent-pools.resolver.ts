import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { ConnectionShape } from '../common/graphql/pagination';
import { Unit } from '../units/unit.model';
import { DecisionsService } from './decisions.service';
import { CreateTalentPoolInput } from './dto/create-talent-pool.input';
import { AddToPoolInput, PoolMemberArgs, PoolMembersArgs, TalentPoolArgs } from './dto/pool-member.args';
import { RecordDecisionInput } from './dto/record-decision.input';
import { TalentPoolsArgs } from './dto/talent-pools.args';
import { LocaleArgs } from '../i18n/locale.args';
import { useLocale } from '../i18n/locale.interceptor';
import { TalentPool, TalentPoolConnection, TalentPoolDecision, TalentPoolMember } from './talent-pool.model';
import { poolMembersLoader } from './pool-members.loader';
import { TalentPoolsService } from './talent-pools.service';

@Resolver(() => TalentPool)
export class TalentPoolsResolver {
  constructor(
    private readonly pools: TalentPoolsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Query(() => TalentPoolConnection, {
    description: 'Talent pools of units in your jurisdiction, newest first.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async talentPools(
    @CurrentCaller() caller: Caller,
    @Args() args: TalentPoolsArgs,
  ): Promise<ConnectionShape<TalentPool>> {
    return this.pools.list(caller, args);
  }

  @Query(() => TalentPool, { description: "One talent pool (后备干部名单) of the caller's jurisdiction." })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async talentPool(@CurrentCaller() caller: Caller, @Args() { id }: TalentPoolArgs): Promise<TalentPool> {
    return this.pools.get(caller, id);
  }

  @Mutation(() => TalentPool, { description: 'Opens a talent pool for a target level in a unit.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async createTalentPool(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The unit, target level and name of the new pool.' })
    input: CreateTalentPoolInput,
  ): Promise<TalentPool> {
    return this.pools.create(caller, input);
  }

  @Mutation(() => TalentPoolMember, { description: 'Adds a cadre with the candidate snapshot of the day.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async addToPool(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The pool and the cadre to add; the candidate as of today is kept as a snapshot.',
    })
    input: AddToPoolInput,
  ): Promise<TalentPoolMember> {
    return this.pools.add(caller, input);
  }

  @Mutation(() => ID, { description: 'Removes a member (its decisions are kept); returns the cadre id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async removeFromPool(@CurrentCaller() caller: Caller, @Args() args: PoolMemberArgs): Promise<string> {
    return this.pools.remove(caller, args);
  }

  @Mutation(() => TalentPoolDecision, {
    description:
      'Records what was decided about a pool member (提拔, 暂缓, 送培训, 不予考虑); PROMOTED may record the new posting in the same transaction.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordDecision(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The pool member and what was decided.' }) input: RecordDecisionInput,
  ): Promise<TalentPoolDecision> {
    return this.decisions.record(caller, input);
  }

  @ResolveField(() => Unit, { description: 'The unit whose reserve list it is.' })
  async unit(@Parent() pool: TalentPool, @Context() ctx: GraphQLContext): Promise<Unit | null> {
    const unit = await ctx.loaders.unit.load(pool.unitId);
    return unit;
  }

  @ResolveField(() => [TalentPoolMember], {
    description:
      'Each member’s snapshot from when added, beside the live candidate on asOf. Members outside your jurisdiction are listed hidden (see TalentPoolMember).',
  })
  async members(
    @Parent() pool: TalentPool,
    @Args() { asOf }: PoolMembersArgs,
    @Args() { locale }: LocaleArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<TalentPoolMember[]> {
    useLocale(ctx, locale);
    return poolMembersLoader(ctx, this.pools, asOf ?? today()).load(pool);
  }
}
