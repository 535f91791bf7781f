import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, MinLength } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';
import { MAX_PAGE_SIZE } from '../../common/graphql/pagination';
import { MaxLength } from '../../common/max-length';
import { SlateDecisionKind } from '../slate.model';

@ArgsType()
export class SlateArgs {
  @Field(() => ID, { description: 'The post’s id.' })
  @IsUUID('all', { message: 'postId must be a post id (UUID)' })
  postId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

  @Field(() => Int, {
    nullable: true,
    description: `How many candidates, 1 to ${MAX_PAGE_SIZE}; default 20.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Candidates posted in this unit or beneath it; default your jurisdiction (ADMIN: everyone).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;
}

@InputType({ description: 'A slate to keep as it is on its date, with a name.' })
export class SaveSlateInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The post’s id.' })
  @IsUUID('all', { message: 'postId must be a post id (UUID)' })
  postId!: string;

  @Field({ description: 'e.g. 2026年12月 副县长 人选' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Default today.' })
  @IsOptional()
  asOf?: string;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_PAGE_SIZE}; default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Candidates posted in this unit or beneath it; default your jurisdiction (ADMIN: everyone).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field({ nullable: true, description: 'Why it is saved.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'A decision on a member of a saved slate.' })
export class RecordSlateDecisionInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The saved slate’s id.' })
  @IsUUID('all', { message: 'slateId must be a slate id (UUID)' })
  slateId!: string;

  @Field(() => ID, { description: 'A member of the slate.' })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => SlateDecisionKind, { description: 'Appointed, deferred or declined.' })
  @IsEnum(SlateDecisionKind)
  decision!: SlateDecisionKind;

  @Field(() => DateScalar, { description: 'The day it takes effect (APPOINTED: the first day in the post).' })
  @Allow()
  effectiveDate!: string;

  @Field({ nullable: true, description: 'Why, in the department’s words.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
