import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { APPRAISAL_GRADES, AppraisalGrade } from '../appraisal.entity';
import { AppraisalGradeEnum } from '../appraisal.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'An annual appraisal (年度考核) result.' })
export class RecordAppraisalInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => Int, { description: '1950 to 2100; one appraisal per cadre and year.' })
  @IsInt()
  @Min(1950, { message: 'The year must be between 1950 and 2100.' })
  @Max(2100, { message: 'The year must be between 1950 and 2100.' })
  year!: number;

  @Field(() => AppraisalGradeEnum, { description: "The year's grade (考核等次)." })
  @IsIn(APPRAISAL_GRADES)
  grade!: AppraisalGrade;

  @Field(() => String, { nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
