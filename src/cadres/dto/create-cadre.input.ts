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

@InputType()
export class CreateCadreInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field({ description: "The HR system's person number; unique." })
  @MinLength(1)
  @MaxLength(64)
  @Matches(NOT_BLANK, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => GenderEnum)
  @IsIn(GENDERS)
  gender!: Gender;

  @Field(() => DateScalar)
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  birthDate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  nativePlace?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  partyJoinDate?: string | null;

  @Field(() => DateScalar)
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  workStartDate!: string;

  @Field(() => EducationLevelEnum)
  @IsIn(EDUCATION_LEVELS)
  educationLevel!: EducationLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  educationMajor?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  educationInService?: boolean;

  @Field(() => String, { nullable: true })
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
