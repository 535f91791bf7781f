import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { today } from '../common/graphql/date.scalar';
import { LocaleArgs } from '../i18n/locale.args';
import { PolicyArgs } from './dto/policy.args';
import { PublishPolicyInput } from './dto/publish-policy.input';
import { Policy } from './policy.model';
import { PolicyService } from './policy.service';

@Resolver(() => Policy)
export class PolicyResolver {
  constructor(private readonly service: PolicyService) {}

  @Query(() => Policy, { description: 'The policy version in force on asOf (default today).' })
  @Roles(Role.ADMIN, Role.ORG_DEPT, Role.CADRE)
  async policy(
    @CurrentCaller() caller: Caller,
    @Args() { asOf }: PolicyArgs,
    @Args() _locale: LocaleArgs,
  ): Promise<Policy> {
    return Policy.from(await this.service.get(caller, asOf ?? today()));
  }

  @Mutation(() => Policy, {
    description: 'Publishes a new policy version from an effective date; earlier versions are never changed.',
  })
  @Roles(Role.ADMIN)
  async publishPolicy(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The complete policy document and the date it takes effect.' })
    input: PublishPolicyInput,
  ): Promise<Policy> {
    return Policy.from(await this.service.publish(caller, input));
  }
}
