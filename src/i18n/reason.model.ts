import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/graphql/json.scalar';
import { ReasonData, ReasonParams } from './reasons';

@ObjectType('Reason', {
  description:
    'A reason as data: a stable code, its typed params (level, grade, domain and unit-kind codes, dates YYYY-MM-DD, numbers) and the message rendered from them in the caller’s locale (the `locale` argument, else Accept-Language; zh-CN by default, then en). Render from code + params with your own dictionary, or show message.',
})
export class Reason implements ReasonData {
  @Field({
    description:
      'Stable: a candidate reason (CANDIDATE_READY_NOW, FACTOR_APPRAISAL …), a flag’s `<ruleId>.<flag code>` (POST_LIMIT_SAME_POST.POSTING_LIMIT_EXCEEDED) or a requirement’s `REQUIREMENT.<rule id>`. docs/reasons.md lists them with their params.',
  })
  code!: string;
  @Field(() => JSONScalar, { description: 'The values the message is written from.' })
  params!: ReasonParams;
  /** `message` is resolved per request (ReasonResolver), in the caller's locale. */
}

export const reasonOf = (code: string, params: ReasonParams): Reason =>
  Object.assign(new Reason(), { code, params });
