import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { SyncCadresInput } from './dto/sync-cadres.input';
import { SyncPostingsInput } from './dto/sync-postings.input';
import { SyncRanksInput } from './dto/sync-ranks.input';
import { SyncSanctionsInput } from './dto/sync-sanctions.input';
import { SyncPostsInput } from './dto/sync-posts.input';
import { SyncUnitsInput } from './dto/sync-units.input';
import { SyncResultsArgs } from './dto/sync-results.args';
import { SyncRunsArgs } from './dto/sync-runs.args';
import { SyncResultConnection, SyncRun, SyncRunConnection } from './sync-run.model';
import { SyncService } from './sync.service';

@Resolver(() => SyncRun)
export class SyncResolver {
  constructor(private readonly service: SyncService) {}

  @Mutation(() => SyncRun, {
    description: 'Creates and updates units by code (parents by parentCode); idempotent.',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncUnits(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The source's batch of unit records." }) input: SyncUnitsInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncUnits(caller, input));
  }

  @Mutation(() => SyncRun, { description: 'Creates and updates cadres by externalId; idempotent.' })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncCadres(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The source's batch of cadre records." }) input: SyncCadresInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncCadres(caller, input));
  }

  @Mutation(() => SyncRun, {
    description:
      'Creates, updates (and in SNAPSHOT mode ends) postings by source and externalId; idempotent.',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncPostings(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The source's batch of posting records." }) input: SyncPostingsInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncPostings(caller, input));
  }

  @Mutation(() => SyncRun, {
    description:
      'Creates and updates rank grants by source and externalId; idempotent; a source changes only its own.',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncRanks(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The source's batch of rank records." }) input: SyncRanksInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncRanks(caller, input));
  }

  @Mutation(() => SyncRun, {
    description:
      'Creates and updates sanction and accountability records by source and externalId; idempotent; a source changes only its own; 容错 decisions are never synced.',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncSanctions(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The source's batch of sanction records." }) input: SyncSanctionsInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncSanctions(caller, input));
  }

  @Mutation(() => SyncRun, {
    description:
      'Creates and updates posts (职位, with their 职数) by source and externalId; idempotent; a source changes only its own.',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncPosts(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The posts, their source and the run options.' }) input: SyncPostsInput,
  ): Promise<SyncRun> {
    return SyncRun.from(await this.service.syncPosts(caller, input));
  }

  @Query(() => SyncRun, {
    description: 'One sync run with its counts and per-record results (HR_SYNC: its own source only).',
  })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncRun(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<SyncRun> {
    return SyncRun.from(await this.service.run(caller, id));
  }

  @Query(() => SyncRunConnection, { description: 'Newest first.' })
  @Roles(Role.HR_SYNC, Role.ADMIN)
  async syncRuns(
    @CurrentCaller() caller: Caller,
    @Args() { source, first, after }: SyncRunsArgs,
  ): Promise<SyncRunConnection> {
    return this.service.runs(caller, source, first, after);
  }

  @ResolveField(() => SyncResultConnection, { description: 'In record order.' })
  async results(
    @Parent() run: SyncRun,
    @Args() { outcome, first, after }: SyncResultsArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<SyncResultConnection> {
    return this.service.results(ctx, run.id, outcome, first, after);
  }
}
