import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { isEvaluated, RULE_IDS } from '../rules/registry';
import { PolicyDocument } from './policy.types';

@ObjectType('PolicyLadderStep')
export class PolicyLadderStep {
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: 'Minimum years at `from` before moving to `to`.' }) minYears!: number;
}

@ObjectType('PolicyLadder')
export class PolicyLadder {
  @Field({ description: 'LEADERSHIP or RANK.' }) id!: string;
  @Field() name!: string;
  @Field(() => [PolicyLadderStep]) steps!: PolicyLadderStep[];
}

@ObjectType('PolicyRule')
export class PolicyRule {
  @Field() id!: string;
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
  @Field(() => Int) version!: number;
  @Field(() => DateScalar, { description: 'In force from this date until the next version.' })
  effectiveFrom!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [PolicyLadder]) ladders!: PolicyLadder[];
  @Field(() => [PolicyRule]) rules!: PolicyRule[];
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
      // A version published before a rule existed lacks it (the rule is not in force under it).
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
