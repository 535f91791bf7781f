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
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a training id (UUID)' })
  id!: string;

  @Field({ nullable: true })
  @IfGiven()
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title cannot be blank' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(200, { message: 'provider is at most 200 characters' })
  provider?: string | null;

  @Field(() => TrainingKindEnum, { nullable: true })
  @IfGiven()
  @IsIn(TRAINING_KINDS)
  kind?: TrainingKind;

  @Field(() => DateScalar, { nullable: true })
  @IfGiven()
  @IsDefined({ message: 'startDate cannot be empty' })
  startDate?: string;

  @Field(() => DateScalar, { nullable: true })
  @IfGiven()
  @IsDefined({ message: 'endDate cannot be empty' })
  endDate?: string;

  @Field(() => Float, { nullable: true })
  @IfGiven()
  @IsPositive({ message: 'classHours must be more than 0' })
  @Max(5000, { message: 'classHours is at most 5000' })
  classHours?: number;

  @Field({ nullable: true })
  @IfGiven()
  @IsBoolean()
  completed?: boolean;
}
