import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { POSTING_KINDS } from '../../postings/posting.entity';
import { IsCalendarDate } from '../record-validation';

const NOT_BLANK = /\S/;

/** One posting as the HR system has it; cadre and unit by their external keys. Dates are YYYY-MM-DD. */
@InputType({
  description:
    'One posting as the HR system has it; cadre and unit by their external keys. Dates are YYYY-MM-DD.',
})
export class PostingRecordInput {
  @Field({ description: "The posting's id in the HR system; unique per source." })
  @MinLength(1)
  @MaxLength(128)
  @Matches(NOT_BLANK, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: "The cadre's external id (person number)." })
  @MinLength(1)
  @MaxLength(64)
  cadreExternalId!: string;

  @Field({ description: "The unit's code." })
  @MinLength(1)
  @MaxLength(64)
  unitCode!: string;

  @Field({ description: "The post's title, e.g. 副乡长." })
  @MinLength(1)
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'A level code from the ladders, e.g. TOWNSHIP_CHIEF.' })
  @MinLength(1)
  @MaxLength(32)
  level!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'REGULAR (default), TEMPORARY_ASSIGNMENT (挂职), SECONDMENT (借调) or CONCURRENT (兼任: a second post held alongside the regular one).',
  })
  @IsOptional()
  @IsIn(POSTING_KINDS, { message: `kind must be one of ${POSTING_KINDS.join(', ')}` })
  kind?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  startDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, the last day in post; omit while it lasts.',
  })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;
}
