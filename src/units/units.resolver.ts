import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdArgs } from '../common/graphql/id.args';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Context } from '@nestjs/graphql';
import { CreateUnitInput } from './dto/create-unit.input';
import { UpdateUnitInput } from './dto/update-unit.input';
import { UnitsArgs } from './dto/units.args';
import { Unit } from './unit.model';
import { UnitsService } from './units.service';

@Resolver(() => Unit)
export class UnitsResolver {
  constructor(private readonly service: UnitsService) {}

  @Query(() => Unit, { description: 'One unit by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async unit(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Unit> {
    return Unit.from(await this.service.get(caller, id));
  }

  @Query(() => [Unit], { description: 'The children of a unit, or the root units.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async units(@CurrentCaller() caller: Caller, @Args() { parentId }: UnitsArgs): Promise<Unit[]> {
    return (await this.service.list(caller, parentId)).map((u) => Unit.from(u));
  }

  @Mutation(() => Unit, { description: 'Adds a unit under its parent (ADMIN); its code is unique.' })
  @Roles(Role.ADMIN)
  async createUnit(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The new unit and its place in the tree.' }) input: CreateUnitInput,
  ): Promise<Unit> {
    return Unit.from(await this.service.create(caller, input));
  }

  @Mutation(() => Unit, { description: 'Rename, re-code or move a unit (its whole subtree moves with it).' })
  @Roles(Role.ADMIN)
  async updateUnit(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The unit id and the fields to change; omitted fields keep their values.' })
    input: UpdateUnitInput,
  ): Promise<Unit> {
    return Unit.from(await this.service.update(caller, input));
  }

  @ResolveField(() => Unit, { nullable: true, description: 'The parent unit; null for the root.' })
  async parent(@Parent() unit: Unit, @Context() ctx: GraphQLContext): Promise<Unit | null> {
    if (!unit.parentId) return null;
    const parent = await ctx.loaders.unit.load(unit.parentId);
    return parent;
  }
}
