import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { Appraisal } from './appraisal.model';
import { AppraisalsService } from './appraisals.service';
import { RecordAppraisalInput } from './dto/record-appraisal.input';
import { UpdateAppraisalInput } from './dto/update-appraisal.input';

@Resolver(() => Appraisal)
export class AppraisalsResolver {
  constructor(private readonly service: AppraisalsService) {}

  @Query(() => Appraisal, { description: 'One appraisal by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async appraisal(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Appraisal> {
    return Appraisal.from(await this.service.get(caller, id));
  }

  @Mutation(() => Appraisal, { description: "Records a cadre's appraisal for a year (one per year)." })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordAppraisal(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: "The cadre, the year and the year's grade." }) input: RecordAppraisalInput,
  ): Promise<Appraisal> {
    return Appraisal.from(await this.service.record(caller, input));
  }

  @Mutation(() => Appraisal, { description: 'Changes an annual appraisal (年度考核); returns it as stored.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateAppraisal(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The appraisal id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateAppraisalInput,
  ): Promise<Appraisal> {
    return Appraisal.from(await this.service.update(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes an appraisal; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteAppraisal(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.delete(caller, id);
  }

  @ResolveField(() => Cadre, { description: 'The cadre appraised.' })
  async cadre(@Parent() appraisal: Appraisal, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(appraisal.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', appraisal.cadreId, 'cadreId');
    return cadre;
  }
}
