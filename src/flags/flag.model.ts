import {
  Field,
  FieldMiddleware,
  Int,
  MiddlewareContext,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import type { GraphQLContext } from '../common/graphql/graphql-context';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Reason, reasonOf } from '../i18n/reason.model';
import { flagReasonCode, renderReason } from '../i18n/reasons';
import { compareFlags, FlagCode, FlagRow, Severity } from '../rules/codes';
import { labelledValues } from '../common/graphql/enum-values';

registerEnumType(FlagCode, {
  name: 'FlagCode',
  description: 'What a flag says about a cadre.',
  valuesMap: labelledValues(Object.values(FlagCode), 'flag', {
    POSTING_LIMIT_EXCEEDED:
      'past a posting limit: same post, same level in one area, terms or total years at a level.',
    POSTING_LIMIT_APPROACHING: 'a posting limit falls within the warning window (WARNING_WINDOW).',
    TRAINING_SHORTFALL: 'short of the annual or five-year class hours (TRAINING_ANNUAL, TRAINING_5Y).',
    INDUCTION_TRAINING_DUE: 'no induction training since a leadership promotion (INDUCTION_TRAINING).',
    MIN_SERVICE_NOT_MET: 'moved above the township before the minimum service (TOWNSHIP_MIN_SERVICE).',
    SPECIALIST_STRENGTH: 'verified achievements make a specialist in a domain (SPECIALIST).',
    SANCTION_IN_EFFECT: 'a sanction period is running; no promotion until it ends (容错 lifts it).',
    PROMOTION_ELIGIBLE: 'meets every hard requirement for the next level.',
  }),
});
registerEnumType(Severity, {
  name: 'Severity',
  description: 'How urgent a flag is; lists sort CRITICAL first.',
  valuesMap: labelledValues(Object.values(Severity), 'severity', {
    CRITICAL: 'needs action now, e.g. a binding limit passed.',
    WARNING: 'needs attention, e.g. a limit approaching or a rule that should be followed passed.',
    INFO: 'for information, e.g. a specialist strength or eligibility for promotion.',
  }),
});

export { compareFlags, FlagCode, Severity };
export type { FlagRow };

/** Flag.message: the flag's reason rendered in the caller's locale. */
const renderMessage: FieldMiddleware = ({ source, context }: MiddlewareContext<Flag, GraphQLContext>) =>
  renderReason(source.reason, context.locale);

@ObjectType('Flag', {
  description: 'A finding about a cadre under one policy version, with the facts behind it.',
})
export class Flag {
  @Field(() => FlagCode, { description: 'What the flag says.' }) code!: FlagCode;
  @Field(() => Severity, { description: 'How urgent it is.' }) severity!: Severity;
  /**
   * `message` (deprecated): `reason` rendered per request in the caller's locale, by a field middleware rather
   * than a resolver class. A page of lists has a hundred flags, and Nest's resolver machinery cost 16 µs per flag
   * (a kept stuck-list page: 1.6 of its 3 ms).
   */
  @Field(() => String, {
    description: 'One sentence a clerk can read, in the caller’s locale.',
    deprecationReason: 'Use reason { code params message }: the same sentence, with its code and values.',
    middleware: [renderMessage],
  })
  message?: string;
  @Field(() => Reason, {
    description:
      'Why, as data: code `<ruleId>.<flag code>` (e.g. TERM_LIMIT.POSTING_LIMIT_EXCEEDED), params = the facts, message in the caller’s locale.',
  })
  reason!: Reason;
  @Field({ description: 'The policy rule that raised it.' }) ruleId!: string;
  @Field({
    description: "The rule's public source, as the one line stored with the policy (English).",
    deprecationReason: 'Use citation { basis references { title titleEn year article articleEn } text }.',
  })
  source!: string;
  @Field(() => JSONScalar, { description: 'The numbers and dates that triggered it.' })
  facts!: Record<string, unknown>;
  @Field(() => Int, { description: 'Days past the limit (negative: before it); 0 for undated flags.' })
  overBy!: number;
  @Field(() => Int, { description: 'The policy version the evaluation used.' }) policyVersion!: number;

  static from(r: FlagRow, policyVersion: number): Flag {
    return Object.assign(new Flag(), {
      code: r.code,
      severity: r.severity,
      reason: reasonOf(flagReasonCode(r.ruleId, r.code), r.facts ?? {}),
      ruleId: r.ruleId,
      source: r.source,
      facts: r.facts,
      overBy: r.overBy,
      policyVersion,
    });
  }
}
