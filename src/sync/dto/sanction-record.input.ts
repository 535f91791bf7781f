import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { SANCTION_KINDS } from '../../sanctions/sanction.entity';
import { IsCalendarDate } from '../record-validation';

const NOT_BLANK = /\S/;

/**
 * One sanction or accountability record as the HR (or discipline) system has it; the cadre by its external id.
 * Dates are YYYY-MM-DD. 容错 decisions are the organisation department's and are never synced.
 */
@InputType({
  description: 'One sanction as the HR system has it; the cadre by its external id. Dates are YYYY-MM-DD.',
})
export class SanctionRecordInput {
  @Field({ description: "The record's id in the sending system; unique per source." })
  @MinLength(1)
  @MaxLength(128)
  @Matches(NOT_BLANK, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: "The cadre's external id (person number)." })
  @MinLength(1)
  @MaxLength(64)
  cadreExternalId!: string;

  @Field({ description: 'A SanctionKind code, e.g. DEMERIT.' })
  @IsIn(SANCTION_KINDS, { message: `kind must be one of ${SANCTION_KINDS.join(', ')}` })
  kind!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  decisionDate!: string;

  @Field({ description: 'YYYY-MM-DD; not before decisionDate.' })
  @IsCalendarDate()
  effectiveDate!: string;

  @Field({ description: 'The body that decided it.' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'issuingBody must not be blank' })
  issuingBody!: string;

  @Field(() => String, { nullable: true, description: 'The decision document number (文号).' })
  @IsOptional()
  @MaxLength(100)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: lifted on appeal; with revocationReason.',
  })
  @IsOptional()
  @IsCalendarDate()
  revokedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; with revokedOn.' })
  @IsOptional()
  @MaxLength(2000)
  revocationReason?: string | null;
}
