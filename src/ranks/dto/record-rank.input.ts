import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'A rank (职级) granted to a cadre.' })
export class RecordRankInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field({ description: "A level of the policy's RANK ladder, e.g. PRINCIPAL_STAFF_4." })
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'level must be a rank code such as PRINCIPAL_STAFF_4' })
  level!: string;

  @Field(() => DateScalar, { description: 'The first day the rank is held.' })
  @IsDefined() // the scalar has checked the format; this keeps the whitelist from dropping it
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day held; omit while it lasts.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The HR system; given together with externalId.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The id in that HR system; unique per source.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  externalId?: string | null;
}
