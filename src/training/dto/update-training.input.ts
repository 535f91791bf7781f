import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsPositive,
  IsUUID,
  Matches,
  Max,
  ValidateIf,
} from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { TRAINING_KINDS, TrainingKind } from '../training.entity';
import { TrainingKindEnum } from '../training.model';

/** Omitted means "leave as is"; null is refused for a field the record must have. */
const IfGiven = () => ValidateIf((_o, v) => v !== undefined);

@InputType({ description: 'Only the fields given change.' })
export class UpdateTrainingInput {
  @Field(() => ID, { description: "The training record's id (UUID)." })
  @IsUUID('all', { message: 'id must be a training id (UUID)' })
  id!: string;

  @Field({ nullable: true, description: 'The course or programme.' })
  @IfGiven()
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title cannot be blank' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(200, { message: 'provider is at most 200 characters' })
  provider?: string | null;

  @Field(() => TrainingKindEnum, { nullable: true, description: 'Where it took place.' })
  @IfGiven()
  @IsIn(TRAINING_KINDS)
  kind?: TrainingKind;

  @Field(() => DateScalar, { nullable: true, description: 'The first day.' })
  @IfGiven()
  @IsDefined({ message: 'startDate cannot be empty' })
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day; null clears it.' })
  @IfGiven()
  @IsDefined({ message: 'endDate cannot be empty' })
  endDate?: string;

  @Field(() => Float, { nullable: true, description: 'Class hours (学时).' })
  @IfGiven()
  @IsPositive({ message: 'classHours must be more than 0' })
  @Max(5000, { message: 'classHours is at most 5000' })
  classHours?: number;

  @Field({ nullable: true, description: 'Whether it was completed; only completed training counts.' })
  @IfGiven()
  @IsBoolean()
  completed?: boolean;
}
