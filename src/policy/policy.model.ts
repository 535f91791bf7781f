import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { isEvaluated, RULE_IDS } from '../rules/registry';
import { PolicyDocument } from './policy.types';

@ObjectType('PolicyLadderStep', { description: 'One step up a ladder, with its minimum years.' })
export class PolicyLadderStep {
  @Field({ description: 'The level code moved from.' }) from!: string;
  @Field({ description: 'The level code moved to.' }) to!: string;
  @Field({ description: 'Minimum years at `from` before moving to `to`.' }) minYears!: number;
}

@ObjectType('PolicyLadder', { description: 'One career ladder of the policy: leadership levels or ranks.' })
export class PolicyLadder {
  @Field({ description: 'LEADERSHIP or RANK.' }) id!: string;
  @Field({ description: "The ladder's name." }) name!: string;
  @Field(() => [PolicyLadderStep], { description: 'The steps, lowest first.' }) steps!: PolicyLadderStep[];
}

@ObjectType('PolicyRule', {
  description: 'One rule of the policy: its thresholds (params) are data, never constants in code.',
})
export class PolicyRule {
  @Field({ description: 'The rule id, e.g. POST_LIMIT_SAME_POST.' }) id!: string;
  @Field({ description: 'The rule in one sentence.' }) sentence!: string;
  @Field({ description: 'The public text it comes from.' }) source!: string;
  @Field(() => JSONScalar, { description: "The rule's thresholds, e.g. { years: 10 }." })
  params!: Record<string, unknown>;
  @Field({
    description:
      'False for a rule no code evaluates yet: it is part of the policy and validated, but raises no flag and blocks no promotion.',
  })
  evaluated!: boolean;
}

/** A stored policy version as the service hands it around. */
export interface PolicyVersionRecord {
  version: number;
  effectiveFrom: string;
  publishedAt: Date;
  publishedBy: string | null;
  note: string | null;
  document: PolicyDocument;
}

@ObjectType('Policy', {
  description: 'One version of the career policy: ladders, rules with their sources, ranking weights.',
})
export class Policy {
  @Field(() => Int, { description: 'The version number; each publication adds one.' }) version!: number;
  @Field(() => DateScalar, { description: 'In force from this date until the next version.' })
  effectiveFrom!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was published.' }) publishedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The token subject that published it; null for a migration.',
  })
  publishedBy!: string | null;
  @Field(() => String, { nullable: true, description: "What changed, in the publisher's words." }) note!:
    string | null;
  @Field(() => [PolicyLadder], {
    description: 'The ladders: leadership levels (领导职务) and ranks (职级), with minimum years per step.',
  })
  ladders!: PolicyLadder[];
  @Field(() => [PolicyRule], { description: 'Every rule with its thresholds and source.' })
  rules!: PolicyRule[];
  @Field(() => JSONScalar, { description: 'Factor name → weight, for candidate ranking.' })
  rankingWeights!: Record<string, number>;

  static from(r: PolicyVersionRecord): Policy {
    const { ladders, rules, rankingWeights } = r.document;
    return Object.assign(new Policy(), {
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      publishedAt: r.publishedAt,
      publishedBy: r.publishedBy,
      note: r.note,
      ladders: ladders.map((l) => ({ id: l.id, name: l.name, steps: l.steps.map((s) => ({ ...s })) })),
      // A version stored before a rule existed does not have it: that rule was not in force then.
      rules: RULE_IDS.filter((id) => (rules as Partial<typeof rules>)[id] !== undefined).map((id) => {
        const rule = rules[id];
        return {
          id: rule.id,
          sentence: rule.sentence,
          source: rule.source,
          params: { ...rule.params },
          evaluated: isEvaluated(id),
        };
      }),
      rankingWeights: { ...rankingWeights },
    });
  }
}
