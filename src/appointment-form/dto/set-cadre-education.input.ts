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
  @Field(() => ID)
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => EducationKindEnum)
  @IsIn(EDUCATION_KINDS)
  kind!: EducationKind;

  @Field(() => EducationLevelEnum)
  @IsIn(EDUCATION_LEVELS)
  level!: EducationLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50, { message: 'degree is at most 50 characters' })
  @Matches(NOT_BLANK, { message: 'degree must not be blank' })
  degree?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'school is at most 200 characters' })
  @Matches(NOT_BLANK, { message: 'school must not be blank' })
  school?: string | null;

  @Field(() => String, { nullable: true })
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
