import { Field, InputType } from '@nestjs/graphql';
import { Allow, IsBoolean, IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import {
  CADRE_STATUSES,
  CadreStatus,
  EDUCATION_LEVELS,
  EducationLevel,
  Gender,
  GENDERS,
} from '../cadre.entity';
import { CadreStatusEnum, EducationLevelEnum, GenderEnum } from '../cadre.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

const NOT_BLANK = /\S/;

@InputType({ description: 'A new cadre record (干部), after the appointment form (干部任免审批表).' })
export class CreateCadreInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field({ description: "The HR system's person number; unique." })
  @MinLength(1)
  @MaxLength(64)
  @Matches(NOT_BLANK, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: 'Full name (姓名), 1 to 100 characters.' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => GenderEnum, { description: 'Gender (性别).' })
  @IsIn(GENDERS)
  gender!: Gender;

  @Field(() => DateScalar, { description: 'Date of birth (出生年月).' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  birthDate!: string;

  @Field(() => String, { nullable: true, description: 'Ethnicity (民族), e.g. 汉族.' })
  @IsOptional()
  @MaxLength(50)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: 'Native place (籍贯).' })
  @IsOptional()
  @MaxLength(100)
  nativePlace?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of joining the Party (入党时间); null when not a member.',
  })
  @IsOptional()
  partyJoinDate?: string | null;

  @Field(() => DateScalar, { description: 'Date of starting work (参加工作时间).' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  workStartDate!: string;

  @Field(() => EducationLevelEnum, { description: 'Highest education (学历).' })
  @IsIn(EDUCATION_LEVELS)
  educationLevel!: EducationLevel;

  @Field(() => String, { nullable: true, description: 'Major of the highest education (专业).' })
  @IsOptional()
  @MaxLength(100)
  educationMajor?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  educationInService?: boolean;

  @Field(() => String, { nullable: true, description: 'Professional title (专业技术职务).' })
  @IsOptional()
  @MaxLength(100)
  professionalTitle?: string | null;

  @Field(() => String, { nullable: true, description: '出生地.' })
  @IsOptional()
  @MaxLength(100, { message: 'placeOfBirth is at most 100 characters' })
  placeOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: '健康状况.' })
  @IsOptional()
  @MaxLength(50, { message: 'health is at most 50 characters' })
  health?: string | null;

  @Field(() => String, { nullable: true, description: '熟悉专业有何专长.' })
  @IsOptional()
  @MaxLength(500, { message: 'specialties is at most 500 characters' })
  specialties?: string | null;

  @Field(() => String, { nullable: true, description: '奖惩情况.' })
  @IsOptional()
  @MaxLength(2000, { message: 'rewardsPenalties is at most 2000 characters' })
  rewardsPenalties?: string | null;

  @Field(() => CadreStatusEnum, { nullable: true, description: 'Default ACTIVE.' })
  @IsOptional()
  @IsIn(CADRE_STATUSES)
  status?: CadreStatus;
}
