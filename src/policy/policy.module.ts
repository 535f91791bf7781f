import { Global, Module } from '@nestjs/common';
import { PolicyRuleResolver, RuleCitationResolver } from './policy-rule.resolver';
import { PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

/** Global: every rule engine (flags, pathway, candidates) reads thresholds from PolicyService. */
@Global()
@Module({
  providers: [PolicyResolver, PolicyRuleResolver, RuleCitationResolver, PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}
