import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { RankQuotaArgs, UnitRankQuotasArgs } from './dto/rank-quota.args';
import { SetRankQuotaInput } from './dto/set-rank-quota.input';
import { RankQuota } from './rank-quota.model';
import { RankQuotasService } from './rank-quotas.service';

/** Rank quotas (职级职数): ADMIN and the department whose jurisdiction holds the unit. */
@Resolver(() => RankQuota)
export class RankQuotasResolver {
  constructor(private readonly service: RankQuotasService) {}

  @Query(() => [RankQuota], { description: 'A unit’s rank quotas (职级职数), by rank code.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async rankQuotas(
    @CurrentCaller() caller: Caller,
    @Args() { unitId }: UnitRankQuotasArgs,
  ): Promise<RankQuota[]> {
    return (await this.service.list(caller, unitId)).map((r) => RankQuota.from(r));
  }

  @Mutation(() => RankQuota, {
    description: 'Sets a unit’s quota for a rank (creates it, or changes its places). Audited.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async setRankQuota(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The unit, the rank and the places.' }) input: SetRankQuotaInput,
  ): Promise<RankQuota> {
    return RankQuota.from(await this.service.set(caller, input));
  }

  @Mutation(() => RankQuota, {
    description: 'Removes a unit’s quota for a rank; returns what was removed. Audited.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async removeRankQuota(
    @CurrentCaller() caller: Caller,
    @Args() { unitId, level }: RankQuotaArgs,
  ): Promise<RankQuota> {
    return RankQuota.from(await this.service.remove(caller, unitId, level));
  }
}
