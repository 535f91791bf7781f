import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LocaleArgs } from '../i18n/locale.args';
import { renderReason } from '../i18n/reasons';
import { Unit } from '../units/unit.model';
import { Candidate, CandidateConnection } from './candidate.model';
import { CandidatesService } from './candidates.service';
import { PromotionCandidatesArgs } from './dto/promotion-candidates.args';
import { SpecialistsArgs } from './dto/specialists.args';
import { TrainingCandidatesArgs } from './dto/training-candidates.args';
import { CandidatePage } from './ranking.service';

@Resolver(() => Candidate)
export class CandidatesResolver {
  constructor(private readonly service: CandidatesService) {}

  @Query(() => CandidateConnection, {
    description:
      'Cadres one step below targetLevel in your jurisdiction who meet (or, with includeNearlyEligible, will soon meet) every requirement for it, best score first.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async promotionCandidates(
    @CurrentCaller() caller: Caller,
    @Args() args: PromotionCandidatesArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<CandidatePage> {
    return this.service.promotionCandidates(caller, args);
  }

  @Query(() => CandidateConnection, { description: 'Cadres who need training, most urgent first.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async trainingCandidates(
    @CurrentCaller() caller: Caller,
    @Args() args: TrainingCandidatesArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<CandidatePage> {
    return this.service.trainingCandidates(caller, args);
  }

  @Query(() => CandidateConnection, {
    description: 'Cadres with SPECIALIST_STRENGTH in a domain, strongest evidence first.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async specialists(
    @CurrentCaller() caller: Caller,
    @Args() args: SpecialistsArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<CandidatePage> {
    return this.service.specialists(caller, args);
  }

  @ResolveField(() => Cadre, { description: 'The candidate.' })
  async cadre(@Parent() c: Candidate, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(c.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', c.cadreId);
    return cadre;
  }

  @ResolveField(() => Unit, { description: 'The unit of the current regular posting.' })
  async unit(@Parent() c: Candidate, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(c.unitId);
    if (!unit) throw DomainError.notFound('Unit', c.unitId);
    return unit;
  }

  @ResolveField(() => [String], {
    description:
      'Sentences a clerk can read, in the caller’s locale: readiness first, then the main factors.',
    deprecationReason:
      'Use reasonData { code params message }: the same sentences, with their codes and values.',
  })
  reasons(@Parent() c: Candidate, @Context() ctx: GraphQLContext): string[] {
    return c.reasonData.map((r) => renderReason(r, ctx.locale));
  }
}
