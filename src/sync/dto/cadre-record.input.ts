import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { CADRE_STATUSES, EDUCATION_LEVELS, GENDERS } from '../../cadres/cadre.entity';
import { IsCalendarDate } from '../record-validation';

/** One cadre as the HR system has it, keyed by externalId. Fields left out are cleared (or take their default). */
@InputType({
  description:
    'One cadre as the HR system has it, keyed by externalId. Fields left out are cleared (or take their default).',
})
export class CadreRecordInput {
  @Field({ description: "The HR system's person number." })
  @MinLength(1)
  @MaxLength(64)
  @Matches(/\S/, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: 'Full name (姓名).' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: 'MALE or FEMALE.' })
  @IsIn(GENDERS, { message: `gender must be one of ${GENDERS.join(', ')}` })
  gender!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  birthDate!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  workStartDate!: string;

  @Field({ description: `${EDUCATION_LEVELS.join(', ')}.` })
  @IsIn(EDUCATION_LEVELS, { message: `educationLevel must be one of ${EDUCATION_LEVELS.join(', ')}` })
  educationLevel!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  partyJoinDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Ethnicity (民族).' })
  @IsOptional()
  @MaxLength(50)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: 'Native place (籍贯).' })
  @IsOptional()
  @MaxLength(100)
  nativePlace?: string | null;

  @Field(() => String, { nullable: true, description: 'Major of the highest education (专业).' })
  @IsOptional()
  @MaxLength(100)
  educationMajor?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  educationInService?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Professional title (专业技术职务).' })
  @IsOptional()
  @MaxLength(100)
  professionalTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE (default), RETIRED or LEFT.' })
  @IsOptional()
  @IsIn(CADRE_STATUSES, { message: `status must be one of ${CADRE_STATUSES.join(', ')}` })
  status?: string | null;
}
