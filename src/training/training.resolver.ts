import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { RecordTrainingInput } from './dto/record-training.input';
import { UpdateTrainingInput } from './dto/update-training.input';
import { Training } from './training.model';
import { TrainingService } from './training.service';

@Resolver(() => Training)
export class TrainingResolver {
  constructor(private readonly service: TrainingService) {}

  @Query(() => Training, { description: 'One training record by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async training(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Training> {
    return Training.from(await this.service.get(caller, id));
  }

  @Mutation(() => Training, { description: "Adds a training to a cadre's record; a cadre may add its own." })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async recordTraining(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The training to record.' }) input: RecordTrainingInput,
  ): Promise<Training> {
    return Training.from(await this.service.record(caller, input));
  }

  @Mutation(() => Training, { description: 'Changes a training record; returns it as stored.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateTraining(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The training id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateTrainingInput,
  ): Promise<Training> {
    return Training.from(await this.service.update(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes a training record; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteTraining(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.delete(caller, id);
  }

  @ResolveField(() => Cadre, { description: 'The cadre this training belongs to.' })
  async cadre(@Parent() training: Training, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(training.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', training.cadreId, 'cadreId');
    return cadre;
  }
}
