import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Reason, reasonOf } from '../i18n/reason.model';
import { flagReasonCode } from '../i18n/reasons';
import { compareFlags, FlagCode, FlagRow, Severity } from '../rules/codes';

registerEnumType(FlagCode, { name: 'FlagCode', description: 'What a flag says about a cadre.' });
registerEnumType(Severity, { name: 'Severity' });

export { compareFlags, FlagCode, Severity };
export type { FlagRow };

@ObjectType('Flag', {
  description: 'A finding about a cadre under one policy version, with the facts behind it.',
})
export class Flag {
  @Field(() => FlagCode) code!: FlagCode;
  @Field(() => Severity) severity!: Severity;
  /** `message` (deprecated) is resolved per request in the caller's locale (FlagResolver), from `reason`. */
  @Field(() => Reason, {
    description:
      'Why, as data: code `<ruleId>.<flag code>` (e.g. TERM_LIMIT.POSTING_LIMIT_EXCEEDED), params = the facts, message in the caller’s locale.',
  })
  reason!: Reason;
  @Field({ description: 'The policy rule that raised it.' }) ruleId!: string;
  @Field({ description: "The rule's public source." }) source!: string;
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
