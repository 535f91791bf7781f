import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { reasonOf, Reason } from '../i18n/reason.model';
import { requirementReasonCode } from '../i18n/reasons';
import { LocalizedText } from '../policy/policy.types';
import { PathwayEvaluation } from './pathway.service';
import { RequirementResult, RequirementValue } from '../rules/requirement';

/** Output only: years and counts come out as numbers, education levels and grades as strings. */
export const RequirementValueScalar = new GraphQLScalarType<RequirementValue, RequirementValue>({
  name: 'RequirementValue',
  description: 'A number (years, posts) or a string (an education level, a grade).',
  serialize: (v) => {
    if (typeof v === 'number' || typeof v === 'string') return v;
    throw new GraphQLError('RequirementValue must be a number or a string.');
  },
  parseValue: () => {
    throw new GraphQLError('RequirementValue is output only.');
  },
  parseLiteral: (ast) => {
    throw new GraphQLError(
      `RequirementValue is output only (got ${ast.kind === Kind.NULL ? 'null' : ast.kind}).`,
    );
  },
});

@ObjectType('Requirement', { description: 'One requirement for the next level, from a rule of the policy.' })
export class Requirement {
  @Field({ description: 'The rule id in the policy, e.g. PROMO_TIME_IN_LEVEL.' }) code!: string;
  /** `description` (deprecated) is resolved per request in the caller's locale (RequirementResolver). */
  sentences!: LocalizedText;
  @Field(() => Reason, {
    description:
      'The requirement as data: code REQUIREMENT.<rule id>, params { met, current, required, remaining, dateMet }, message in the caller’s locale.',
  })
  reason!: Reason;
  @Field({ description: 'Whether it is met on asOf.' }) met!: boolean;
  @Field(() => RequirementValueScalar, { nullable: true, description: "The cadre's value on asOf." })
  current!: RequirementValue;
  @Field(() => RequirementValueScalar, { nullable: true, description: 'The value the rule asks for.' })
  required!: RequirementValue;
  @Field(() => RequirementValueScalar, { nullable: true, description: '0 or null once met.' })
  remaining!: RequirementValue;
  @Field({ description: 'What the values count: years, posts, an education level, a grade.' }) unit!: string;
  @Field({ description: 'The public text the rule comes from.' }) source!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First date it is (or was) met if only time passes; null when it needs more than time.',
  })
  dateMet!: string | null;
  @Field({
    description:
      'True when, unmet, it is shown but does not bar promotion: PROMO_TRAINING may be completed within a year after appointment (art. 8(5)).',
  })
  soft!: boolean;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'The records behind it where a list says more than the numbers: PROMO_NO_SANCTION_IN_EFFECT lists each sanction that took effect by asOf (kind, dates, in effect, lifted by a revocation or 容错 decision and its basis).',
  })
  facts!: Record<string, unknown> | null;

  static from(r: RequirementResult): Requirement {
    const { description: _english, ...rest } = r;
    const { met, current, required, remaining, dateMet } = r;
    return Object.assign(new Requirement(), {
      ...rest,
      soft: r.soft ?? false,
      facts: r.facts ?? null,
      reason: reasonOf(requirementReasonCode(r.code), { met, current, required, remaining, dateMet }),
    });
  }
}

@ObjectType('PostingLimit', {
  description:
    'A posting rule that bars an appointment: LEVEL_TOTAL_LIMIT (no further appointment at the current level from the date, 任期暂行规定 art. 7) or TOWNSHIP_MIN_SERVICE (a township recruit is not moved above the township before the date the minimum service is met).',
})
export class PostingLimitModel {
  @Field({ description: 'LEVEL_TOTAL_LIMIT or TOWNSHIP_MIN_SERVICE.' }) rule!: string;
  @Field({ description: 'NO_SAME_LEVEL_APPOINTMENT_FROM or NO_TRANSFER_UPWARD_BEFORE.' }) effect!: string;
  @Field(() => DateScalar, { description: 'The date the bar starts.' }) date!: string;
  @Field({ description: 'Whether the bar holds on asOf.' }) holds!: boolean;
  @Field({ description: 'The public text the rule comes from.' }) source!: string;
}

@ObjectType('Pathway', {
  description: 'The next level on the cadre’s ladder and what still stands in the way.',
})
export class Pathway {
  @Field(() => String, { nullable: true, description: 'Null without a current regular posting.' })
  currentLevel!: string | null;
  @Field(() => String, { nullable: true, description: 'LEADERSHIP or RANK.' }) ladder!: string | null;
  @Field(() => String, { nullable: true, description: 'Null at the top of the ladder.' }) nextLevel!:
    string | null;
  @Field({ description: 'True when every requirement is met on asOf.' }) eligible!: boolean;
  @Field(() => [Requirement], {
    description: 'Each requirement for the next step, met or not, with the numbers.',
  })
  requirements!: Requirement[];
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When every time-based requirement is met if nothing else changes (on or before asOf: eligible); null when a requirement that time cannot meet blocks.',
  })
  estimatedEligibleDate!: string | null;
  @Field(() => Int, { description: 'The policy version the evaluation used.' }) policyVersion!: number;
  @Field(() => [PostingLimitModel], {
    description:
      'What the posting rules bar beside promotion: a further appointment at the current level (LEVEL_TOTAL_LIMIT) and a transfer upward before the minimum township service is met (TOWNSHIP_MIN_SERVICE, with the date it is met).',
  })
  postingLimits!: PostingLimitModel[];

  static from(p: PathwayEvaluation): Pathway {
    return Object.assign(new Pathway(), {
      ...p,
      requirements: p.requirements.map((r) => Requirement.from(r)),
      postingLimits: p.postingLimits.map((l) => Object.assign(new PostingLimitModel(), l)),
    });
  }
}
