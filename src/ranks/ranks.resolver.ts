import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { EndRankArgs } from './dto/end-rank.args';
import { RecordRankInput } from './dto/record-rank.input';
import { UpdateRankInput } from './dto/update-rank.input';
import { RankGrant } from './rank-grant.model';
import { RanksService } from './ranks.service';

@Resolver(() => RankGrant)
export class RanksResolver {
  constructor(private readonly service: RanksService) {}

  @Query(() => RankGrant, { description: 'One rank grant by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async rankGrant(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<RankGrant> {
    return RankGrant.from(await this.service.get(caller, id));
  }

  @Mutation(() => RankGrant, {
    description: "Records a rank a cadre holds; one cadre's ranks never overlap.",
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordRank(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The rank grant to record.' }) input: RecordRankInput,
  ): Promise<RankGrant> {
    return RankGrant.from(await this.service.record(caller, input));
  }

  @Mutation(() => RankGrant, { description: 'Changes only the fields given.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateRank(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The rank grant id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateRankInput,
  ): Promise<RankGrant> {
    return RankGrant.from(await this.service.update(caller, input));
  }

  @Mutation(() => RankGrant, { description: 'Closes an open rank grant; endDate is the last day held.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async endRank(@CurrentCaller() caller: Caller, @Args() { id, endDate }: EndRankArgs): Promise<RankGrant> {
    return RankGrant.from(await this.service.end(caller, id, endDate));
  }

  @ResolveField(() => Cadre, { description: 'The cadre holding the rank.' })
  async cadre(@Parent() grant: RankGrant, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(grant.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', grant.cadreId, 'cadreId');
    return cadre;
  }
}
