import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { APPRAISAL_GRADES, AppraisalGrade } from '../appraisal.entity';
import { AppraisalGradeEnum } from '../appraisal.model';

/** Omitted means "leave as is"; null is refused for a field the record must have. */
const IfGiven = () => ValidateIf((_o, v) => v !== undefined);

@InputType({ description: 'Only the fields given change.' })
export class UpdateAppraisalInput {
  @Field(() => ID, { description: "The appraisal's id (UUID)." })
  @IsUUID('all', { message: 'id must be an appraisal id (UUID)' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The appraised year.' })
  @IfGiven()
  @IsInt({ message: 'year must be a whole number' })
  @Min(1950, { message: 'The year must be between 1950 and 2100.' })
  @Max(2100, { message: 'The year must be between 1950 and 2100.' })
  year?: number;

  @Field(() => AppraisalGradeEnum, { nullable: true, description: "The year's grade." })
  @IfGiven()
  @IsIn(APPRAISAL_GRADES)
  grade?: AppraisalGrade;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
