import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsPositive, IsUUID, Matches, Max } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { TRAINING_KINDS, TrainingKind } from '../training.entity';
import { TrainingKindEnum } from '../training.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'A course or programme a cadre attended.' })
export class RecordTrainingInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id (a CADRE token: its own)." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field({ description: 'The course or programme.' })
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title cannot be blank' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who gave it, e.g. 省委党校.' })
  @IsOptional()
  @MaxLength(200, { message: 'provider is at most 200 characters' })
  provider?: string | null;

  @Field(() => TrainingKindEnum, { description: 'Where it took place.' })
  @IsIn(TRAINING_KINDS)
  kind!: TrainingKind;

  @Field(() => DateScalar, { description: 'The first day.' })
  @IsDefined() // the scalar has checked the format; this keeps the whitelist from dropping it
  startDate!: string;

  @Field(() => DateScalar, { description: 'The last day; the same as startDate for a one-day course.' })
  @IsDefined()
  endDate!: string;

  @Field(() => Float, { description: 'More than 0 and at most 5000; kept to one decimal place.' })
  @IsPositive({ message: 'classHours must be more than 0' })
  @Max(5000, { message: 'classHours is at most 5000' })
  classHours!: number;

  @Field({ nullable: true, description: 'Defaults to true.' })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;
}
