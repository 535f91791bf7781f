import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdArgs } from '../common/graphql/id.args';
import { CadreConnection } from './cadre-connection.model';
import { Cadre } from './cadre.model';
import { CadresService } from './cadres.service';
import { CadresArgs } from './dto/cadres.args';
import { CreateCadreInput } from './dto/create-cadre.input';
import { UpdateCadreInput } from './dto/update-cadre.input';

@Resolver(() => Cadre)
export class CadresResolver {
  constructor(private readonly service: CadresService) {}

  @Query(() => Cadre, { description: 'One cadre by id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async cadre(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<Cadre> {
    return this.service.get(caller, id);
  }

  @Query(() => Cadre, {
    description:
      "The caller's own record (CADRE tokens): postings, training, achievements, appraisals, flags, pathway.",
  })
  @Roles(Role.CADRE)
  async me(@CurrentCaller() caller: Caller): Promise<Cadre> {
    return this.service.me(caller);
  }

  @Query(() => CadreConnection, {
    description:
      'Cadres by name then id, a page at a time. An organisation department sees only its jurisdiction.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async cadres(@CurrentCaller() caller: Caller, @Args() args: CadresArgs): Promise<CadreConnection> {
    return this.service.list(caller, args);
  }

  @Mutation(() => Cadre, { description: 'Creates a cadre record; externalId is unique.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async createCadre(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The new cadre record.' }) input: CreateCadreInput,
  ): Promise<Cadre> {
    return Cadre.from(await this.service.create(caller, input));
  }

  @Mutation(() => Cadre, { description: 'Changes only the fields given.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateCadre(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The cadre id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateCadreInput,
  ): Promise<Cadre> {
    return Cadre.from(await this.service.update(caller, input));
  }

  @Mutation(() => ID, {
    description:
      'Removes a cadre with all their records. ADMIN: any cadre. ORG_DEPT: only a cadre with no history yet ' +
      '(no posting, training, achievement, appraisal or talent-pool entry), e.g. one entered by mistake.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteCadre(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.delete(caller, id);
  }
}
