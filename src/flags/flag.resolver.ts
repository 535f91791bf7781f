import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { citationModel, RuleCitationModel } from '../policy/policy.model';
import { PolicyService } from '../policy/policy.service';
import { RuleDefinition, RuleId } from '../policy/policy.types';
import { citationOf } from '../policy/rule-texts';
import { Flag } from './flag.model';

@Resolver(() => Flag)
export class FlagResolver {
  constructor(private readonly policies: PolicyService) {}

  @ResolveField(() => RuleCitationModel, {
    nullable: true,
    description:
      'Where the rule that raised it comes from, structured (title in Chinese and English, year, article, national default or local choice; `text` in the caller’s locale), from the policy version the flag was evaluated under. Null for PROMOTION_ELIGIBLE (ruleId PATHWAY: every requirement of the pathway, each with its own citation) and for a rule of a version published before citations whose sentence is not the default’s.',
  })
  async citation(@Parent() f: Flag): Promise<RuleCitationModel | null> {
    // Versions are few and cached by number: one read per version, not per flag.
    const policy = await this.policies.byVersion(f.policyVersion);
    const rule = policy?.document.rules[f.ruleId as RuleId] as RuleDefinition | undefined;
    const citation = rule ? citationOf(rule) : null;
    return citation && citationModel(citation);
  }
}
