import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Allow, IsEnum, IsOptional, IsUUID, Matches, MinLength, ValidateNested } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { LEVEL_CODE } from '../../candidates/dto/promotion-candidates.args';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PoolDecision } from '../talent-pool.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'The post a PROMOTED cadre takes up on the effective date.' })
export class NewPostingInput {
  @Field(() => ID, { description: 'The unit of the new post.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: "The new post's title, e.g. 副县长." })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ nullable: true, description: 'Default: the pool’s target level.' })
  @IsOptional()
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'level must be a level code such as COUNTY_DEPUTY' })
  level?: string;
}

@InputType({ description: 'A decision on a pool member (提拔, 暂缓, 送培训, 不予考虑).' })
export class RecordDecisionInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The pool's id." })
  @IsUUID('all', { message: 'poolId must be a pool id (UUID)' })
  poolId!: string;

  @Field(() => ID, { description: "The member's cadre id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => PoolDecision, { description: 'What was decided.' })
  @IsEnum(PoolDecision)
  decision!: PoolDecision;

  @Field({ nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;

  @Field(() => DateScalar, {
    description: "The day it takes effect; for PROMOTED, the new posting's first day.",
  })
  @Allow()
  effectiveDate!: string;

  @Field(() => NewPostingInput, {
    nullable: true,
    description:
      'PROMOTED only: record this posting from effectiveDate, ending the current regular posting the day before, in the same transaction.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewPostingInput)
  newPosting?: NewPostingInput;
}
