import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { ConnectionShape, PageArgs } from '../common/graphql/pagination';
import { FlaggedCadre, FlaggedCadreConnection } from '../flags/flagged-cadre.model';
import { Unit } from '../units/unit.model';
import { StuckTalentArgs, StuckTalentUnitsArgs } from './dto/stuck-talent.args';
import { StuckTalentReport, StuckTalentUnit } from './stuck-talent.model';
import { StuckTalentService } from './stuck-talent.service';

@Resolver(() => StuckTalentUnit)
export class StuckTalentResolver {
  constructor(private readonly service: StuckTalentService) {}

  @Query(() => StuckTalentReport, {
    description:
      'Per unit in the jurisdiction, the cadres past a posting limit and ready for promotion (kept too long), ' +
      'on asOf and one and two years earlier.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async stuckTalent(
    @CurrentCaller() caller: Caller,
    @Args() args: StuckTalentArgs,
  ): Promise<StuckTalentReport> {
    return this.service.report(caller, args);
  }

  @ResolveField(() => Unit, { description: 'The unit.' })
  async unit(@Parent() row: StuckTalentUnit, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(row.unitId);
    if (!unit) throw DomainError.notFound('Unit', row.unitId);
    return unit;
  }

  @ResolveField(() => FlaggedCadreConnection, {
    description: "The names, on the report's date, worst first; each with the two flags and their reasons.",
  })
  async cadres(
    @Parent() row: StuckTalentUnit,
    @Args() page: PageArgs,
  ): Promise<ConnectionShape<FlaggedCadre>> {
    return this.service.cadres(row, page);
  }
}

@Resolver(() => StuckTalentReport)
export class StuckTalentReportResolver {
  @ResolveField(() => [StuckTalentUnit], { description: 'Most such cadres on asOf first, then by name.' })
  units(@Parent() report: StuckTalentReport, @Args() { unitId }: StuckTalentUnitsArgs): StuckTalentUnit[] {
    return unitId ? report.units.filter((u) => u.unitId === unitId) : report.units;
  }
}
