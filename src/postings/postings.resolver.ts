import { Args, Context, ID, Int, Float, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { Unit } from '../units/unit.model';
import { AsOfArgs } from './dto/as-of.args';
import { EndPostingArgs } from './dto/end-posting.args';
import { RecordPostingInput } from './dto/record-posting.input';
import { UpdatePostingInput } from './dto/update-posting.input';
import { durationDays, durationYears } from './durations';
import { Posting } from './posting.model';
import { PostingsService } from './postings.service';

@Resolver(() => Posting)
export class PostingsResolver {
  constructor(private readonly service: PostingsService) {}

  @Mutation(() => Posting, {
    description:
      'Records a posting (任职); a REGULAR posting may not overlap another REGULAR posting of the cadre.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordPosting(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The posting to record.' }) input: RecordPostingInput,
  ): Promise<Posting> {
    return Posting.from(await this.service.record(caller, input));
  }

  @Mutation(() => Posting, { description: 'Changes only the fields given.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updatePosting(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The posting id and the fields to change; omitted fields keep their values.',
    })
    input: UpdatePostingInput,
  ): Promise<Posting> {
    return Posting.from(await this.service.update(caller, input));
  }

  @Mutation(() => Posting, { description: 'Closes an open posting; endDate is the last day in post.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async endPosting(
    @CurrentCaller() caller: Caller,
    @Args() { id, endDate }: EndPostingArgs,
  ): Promise<Posting> {
    return Posting.from(await this.service.end(caller, id, endDate));
  }

  @Mutation(() => ID, { description: 'Removes a posting entered by mistake.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deletePosting(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.delete(caller, id);
  }

  // No parameter decorators: Nest calls the method directly, once per posting (see CadrePostingsResolver).
  // A posting from the postings loader has its unit with it already: no promise then.
  @ResolveField(() => Unit, { description: 'The unit of the post.' })
  unit(posting: Posting, _args: unknown, ctx: GraphQLContext): Unit | Promise<Unit> {
    return posting.unit ?? this.loadUnit(posting, ctx);
  }

  private async loadUnit(posting: Posting, ctx: GraphQLContext): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(posting.unitId);
    if (!unit) throw DomainError.notFound('Unit', posting.unitId, 'unitId');
    return unit;
  }

  @ResolveField(() => Cadre, { description: 'The cadre in post.' })
  async cadre(@Parent() posting: Posting, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(posting.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', posting.cadreId, 'cadreId');
    return cadre;
  }

  @ResolveField(() => Int, { description: 'Days in post up to asOf (the end day counts; asOf does not).' })
  durationDays(@Parent() posting: Posting, @Args() { asOf }: AsOfArgs): number {
    return durationDays(posting, asOf ?? today());
  }

  @ResolveField(() => Float, {
    description: 'Years in post up to asOf: whole anniversaries plus a fraction.',
  })
  durationYears(@Parent() posting: Posting, @Args() { asOf }: AsOfArgs): number {
    return durationYears(posting, asOf ?? today());
  }
}
