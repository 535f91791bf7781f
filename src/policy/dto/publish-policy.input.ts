import { Field, InputType } from '@nestjs/graphql';
import { IsDefined, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { JSONScalar } from '../../common/graphql/json.scalar';

@InputType({ description: 'A new policy version: the complete document, validated before it is stored.' })
export class PublishPolicyInput {
  @Field(() => DateScalar, {
    description: "Must be after the latest version's effective date, and not in the past.",
  })
  @IsString()
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: 'Why this version exists, e.g. the local notice.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @Field(() => JSONScalar, {
    description:
      'The whole policy document: { ladders, rules (every rule id), rankingWeights }, as `policy` returns it.',
  })
  @IsDefined()
  document!: unknown;
}
