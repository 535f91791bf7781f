import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { RecordSanctionInput } from './dto/record-sanction.input';
import { RecordToleranceDecisionInput } from './dto/record-tolerance-decision.input';
import { RevokeSanctionInput } from './dto/revoke-sanction.input';
import { UpdateSanctionInput } from './dto/update-sanction.input';
import { Sanction } from './sanction.model';
import { SanctionsService } from './sanctions.service';

@Resolver(() => Sanction)
export class SanctionsResolver {
  constructor(private readonly service: SanctionsService) {}

  @Query(() => Sanction, { description: 'One sanction or accountability record by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async sanction(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Sanction> {
    return this.service.view(await this.service.get(caller, id));
  }

  @Mutation(() => Sanction, { description: 'Records a sanction or accountability measure of a cadre.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordSanction(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The sanction or organisational measure to record.' })
    input: RecordSanctionInput,
  ): Promise<Sanction> {
    return this.service.view(await this.service.record(caller, input));
  }

  @Mutation(() => Sanction, { description: 'Corrects a record; changes only the fields given.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateSanction(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The sanction id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateSanctionInput,
  ): Promise<Sanction> {
    return this.service.view(await this.service.update(caller, input));
  }

  @Mutation(() => Sanction, { description: 'Marks a record lifted on appeal; the record stays.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async revokeSanction(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The sanction to revoke and why.' }) input: RevokeSanctionInput,
  ): Promise<Sanction> {
    return this.service.view(await this.service.revoke(caller, input));
  }

  @Mutation(() => Sanction, { description: 'Records the 容错 decision of a record (one per record).' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async recordToleranceDecision(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The sanction and the 容错 decision on it.' })
    input: RecordToleranceDecisionInput,
  ): Promise<Sanction> {
    return this.service.view(await this.service.recordTolerance(caller, input));
  }

  @ResolveField(() => Cadre, { description: 'The cadre concerned.' })
  async cadre(@Parent() sanction: Sanction, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(sanction.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', sanction.cadreId, 'cadreId');
    return cadre;
  }
}
