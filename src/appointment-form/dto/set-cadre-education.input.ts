import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { EDUCATION_LEVELS, EducationLevel } from '../../cadres/cadre.entity';
import { EducationLevelEnum } from '../../cadres/cadre.model';
import { EDUCATION_KINDS, EducationKind } from '../cadre-education.entity';
import { EducationKindEnum } from '../form-records.model';

const NOT_BLANK = /\S/;

@InputType({ description: 'Sets the cadre’s education set of this kind (replacing the one recorded).' })
export class SetCadreEducationInput {
  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => EducationKindEnum, {
    description: 'Full-time (全日制) or in-service (在职); the set of this kind is replaced.',
  })
  @IsIn(EDUCATION_KINDS)
  kind!: EducationKind;

  @Field(() => EducationLevelEnum, { description: 'The education level (学历).' })
  @IsIn(EDUCATION_LEVELS)
  level!: EducationLevel;

  @Field(() => String, { nullable: true, description: 'The degree (学位), e.g. 工学学士; null when none.' })
  @IsOptional()
  @MaxLength(50, { message: 'degree is at most 50 characters' })
  @Matches(NOT_BLANK, { message: 'degree must not be blank' })
  degree?: string | null;

  @Field(() => String, { nullable: true, description: 'The school (毕业院校).' })
  @IsOptional()
  @MaxLength(200, { message: 'school is at most 200 characters' })
  @Matches(NOT_BLANK, { message: 'school must not be blank' })
  school?: string | null;

  @Field(() => String, { nullable: true, description: 'The major (专业).' })
  @IsOptional()
  @MaxLength(100, { message: 'major is at most 100 characters' })
  major?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Start of study (with endDate: a résumé line).' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Graduation; not before startDate.' })
  @Allow()
  endDate?: string | null;
}
