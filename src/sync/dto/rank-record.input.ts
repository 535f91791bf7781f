import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { IsCalendarDate } from '../record-validation';

/** One rank grant as the HR system has it; the cadre by its external id. Dates are YYYY-MM-DD. */
@InputType({
  description: 'One rank grant as the HR system has it; the cadre by its external id. Dates are YYYY-MM-DD.',
})
export class RankRecordInput {
  @Field({ description: "The rank grant's id in the HR system; unique per source." })
  @MinLength(1)
  @MaxLength(128)
  @Matches(/\S/, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: "The cadre's external id (person number)." })
  @MinLength(1)
  @MaxLength(64)
  cadreExternalId!: string;

  @Field({ description: 'A code of the RANK ladder, e.g. PRINCIPAL_STAFF_4.' })
  @MinLength(1)
  @MaxLength(32)
  level!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last day held; omit while it lasts.' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}
