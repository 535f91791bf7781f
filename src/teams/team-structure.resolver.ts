import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { ConnectionShape } from '../common/graphql/pagination';
import { Pathway } from '../pathway/pathway.model';
import { pathwayLoader } from '../pathway/pathway.loader';
import { PathwayService } from '../pathway/pathway.service';
import { Unit } from '../units/unit.model';
import { TeamStructureArgs, TeamStructuresArgs, YoungCadresArgs } from './dto/team-structure.args';
import {
  TeamStructure,
  TeamSummary,
  TeamSummaryConnection,
  YoungCadre,
  YoungCadreConnection,
} from './team-structure.model';
import { TeamStructureService } from './team-structure.service';
import { YoungCadresService } from './young-cadres.service';

async function unitOf(ctx: GraphQLContext, unitId: string): Promise<Unit> {
  const unit = await ctx.loaders.unit.load(unitId);
  if (!unit) throw DomainError.notFound('Unit', unitId);
  return unit;
}

async function cadreOf(ctx: GraphQLContext, cadreId: string): Promise<Cadre> {
  const cadre = await ctx.loaders.cadre.load(cadreId);
  if (!cadre) throw DomainError.notFound('Cadre', cadreId);
  return cadre;
}

@Resolver(() => TeamSummary)
export class TeamStructureResolver {
  constructor(private readonly service: TeamStructureService) {}

  @Query(() => TeamStructure, {
    description:
      'A unit’s leadership team on asOf: members and posts, counts by age band, gender, ethnicity, education and field, and the TEAM_STRUCTURE targets met or missed.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async teamStructure(
    @CurrentCaller() caller: Caller,
    @Args() args: TeamStructureArgs,
  ): Promise<TeamStructure> {
    return this.service.structure(caller, args);
  }

  @Query(() => TeamSummaryConnection, {
    description:
      'Every unit with a leadership team under the root, by unit code: by default only those missing a TEAM_STRUCTURE target.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async teamStructures(
    @CurrentCaller() caller: Caller,
    @Args() args: TeamStructuresArgs,
  ): Promise<ConnectionShape<TeamSummary>> {
    return this.service.structures(caller, args);
  }

  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() row: TeamSummary, @Context() ctx: GraphQLContext): Promise<Unit> {
    return unitOf(ctx, row.unitId);
  }
}

/** Unit on the detailed shape too (a field resolver is registered per object type, not inherited). */
@Resolver(() => TeamStructure)
export class TeamStructureUnitResolver {
  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() row: TeamStructure, @Context() ctx: GraphQLContext): Promise<Unit> {
    return unitOf(ctx, row.unitId);
  }
}

@Resolver(() => YoungCadre)
export class YoungCadresResolver {
  constructor(
    private readonly service: YoungCadresService,
    private readonly pathways: PathwayService,
  ) {}

  @Query(() => YoungCadreConnection, {
    description:
      'Young cadres at a level under the unit on asOf (age at most TEAM_STRUCTURE.youngMaxAgeByLevel), youngest first, each with the pathway to the next level.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async youngCadres(
    @CurrentCaller() caller: Caller,
    @Args() args: YoungCadresArgs,
  ): Promise<YoungCadreConnection> {
    return this.service.list(caller, args);
  }

  @ResolveField(() => Cadre, { description: 'The cadre.' })
  async cadre(@Parent() y: YoungCadre, @Context() ctx: GraphQLContext): Promise<Cadre> {
    return cadreOf(ctx, y.cadreId);
  }

  @ResolveField(() => Unit, { description: 'The unit it belongs to.' })
  async unit(@Parent() y: YoungCadre, @Context() ctx: GraphQLContext): Promise<Unit> {
    return unitOf(ctx, y.unitId);
  }

  @ResolveField(() => Pathway, {
    nullable: true,
    description: 'The leadership pathway on the list’s date (as Cadre.pathways), batched over the page.',
  })
  async pathway(@Parent() y: YoungCadre, @Context() ctx: GraphQLContext): Promise<Pathway | null> {
    const p = await pathwayLoader(ctx, this.pathways, y.asOf, 'POST').load(y.cadreId);
    return p ? Pathway.from(p) : null;
  }
}
