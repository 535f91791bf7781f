import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { RECOGNITION_LEVELS, RecognitionLevel } from '../achievement.entity';
import { RecognitionLevelEnum } from '../achievement.model';
import { MeasuredImpactInput } from './measured-impact.input';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

export const MAX_IMPACTS = 20;
export const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*$/;

@InputType({ description: 'An achievement (工作实绩), recorded CLAIMED until a department verifies it.' })
export class RecordAchievementInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id (a CADRE token: its own)." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field({ description: 'What was achieved, in a line.' })
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title cannot be blank' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What was done and how.' })
  @IsOptional()
  @MaxLength(4000, { message: 'description is at most 4000 characters' })
  description?: string | null;

  @Field(() => DateScalar, { description: 'The day it was achieved.' })
  @IsDefined() // the scalar has checked the format; this keeps the whitelist from dropping it
  achievedOn!: string;

  @Field({ description: 'A SpecialtyDomain code, e.g. CULTURAL_TOURISM.' })
  @MaxLength(64, { message: 'domain is at most 64 characters' })
  @Matches(DOMAIN_CODE, { message: 'domain must be a specialty domain code such as CULTURAL_TOURISM' })
  domain!: string;

  @Field(() => RecognitionLevelEnum, { description: 'The highest level that recognised it.' })
  @IsIn(RECOGNITION_LEVELS)
  recognitionLevel!: RecognitionLevel;

  @Field(() => [MeasuredImpactInput], { nullable: true, description: `At most ${MAX_IMPACTS}.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IMPACTS, { message: `An achievement has at most ${MAX_IMPACTS} measured impacts.` })
  @ValidateNested({ each: true })
  @Type(() => MeasuredImpactInput)
  impacts?: MeasuredImpactInput[] | null;
}
