import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { IdArgs } from '../common/graphql/id.args';
import { Achievement, AchievementConnection, SpecialtyDomain } from './achievement.model';
import { AchievementsService } from './achievements.service';
import { AchievementsToVerifyArgs } from './dto/achievements-to-verify.args';
import { RecordAchievementInput } from './dto/record-achievement.input';
import { UpdateAchievementInput } from './dto/update-achievement.input';
import { VerifyAchievementArgs } from './dto/verify-achievement.args';

@Resolver(() => Achievement)
export class AchievementsResolver {
  constructor(private readonly service: AchievementsService) {}

  @Query(() => Achievement, { description: 'One achievement by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async achievement(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Achievement> {
    return Achievement.from(await this.service.get(caller, id));
  }

  @Query(() => AchievementConnection, {
    description:
      "The verification queue: CLAIMED achievements of cadres currently posted in the caller's jurisdiction (or under unitId), oldest claim first.",
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async achievementsToVerify(
    @CurrentCaller() caller: Caller,
    @Args() args: AchievementsToVerifyArgs,
  ): Promise<AchievementConnection> {
    return this.service.toVerify(caller, args);
  }

  @Query(() => [SpecialtyDomain], { description: 'The taxonomy of specialty domains, by code.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async specialtyDomains(@CurrentCaller() caller: Caller): Promise<SpecialtyDomain[]> {
    return (await this.service.specialtyDomains(caller)).map((d) => SpecialtyDomain.from(d));
  }

  @Mutation(() => Achievement, {
    description:
      'Records an achievement with its measured impacts; it starts CLAIMED. A cadre may claim its own.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async recordAchievement(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The achievement, recorded CLAIMED until a department verifies it.' })
    input: RecordAchievementInput,
  ): Promise<Achievement> {
    return Achievement.from(await this.service.record(caller, input));
  }

  @Mutation(() => Achievement, {
    description:
      'Changes an achievement. Changing the substance of a VERIFIED or REJECTED achievement resets it to CLAIMED, to be verified again.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateAchievement(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The achievement id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateAchievementInput,
  ): Promise<Achievement> {
    return Achievement.from(await this.service.update(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes an achievement and its impacts; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteAchievement(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.delete(caller, id);
  }

  @Mutation(() => Achievement, {
    description:
      'Decides a CLAIMED achievement: VERIFIED or REJECTED, recording who and when. Deciding one that is not CLAIMED is a CONFLICT.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async verifyAchievement(
    @CurrentCaller() caller: Caller,
    @Args() args: VerifyAchievementArgs,
  ): Promise<Achievement> {
    return Achievement.from(await this.service.verify(caller, args));
  }

  @ResolveField(() => Cadre, { description: 'The cadre who achieved it.' })
  async cadre(@Parent() achievement: Achievement, @Context() ctx: GraphQLContext): Promise<Cadre> {
    const cadre = await ctx.loaders.cadre.load(achievement.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', achievement.cadreId, 'cadreId');
    return cadre;
  }
}
