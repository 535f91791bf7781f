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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { RECOGNITION_LEVELS, RecognitionLevel } from '../achievement.entity';
import { RecognitionLevelEnum } from '../achievement.model';
import { MeasuredImpactInput } from './measured-impact.input';
import { DOMAIN_CODE, MAX_IMPACTS } from './record-achievement.input';

/** Omitted means "leave as is"; null is refused for a field the record must have. */
const IfGiven = () => ValidateIf((_o, v) => v !== undefined);

@InputType({
  description:
    'Only the fields given change. Changing the substance of a VERIFIED or REJECTED achievement sends it back to CLAIMED, to be decided again.',
})
export class UpdateAchievementInput {
  @Field(() => ID, { description: "The achievement's id (UUID)." })
  @IsUUID('all', { message: 'id must be an achievement id (UUID)' })
  id!: string;

  @Field({ nullable: true, description: 'What was achieved.' })
  @IfGiven()
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title cannot be blank' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(4000, { message: 'description is at most 4000 characters' })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was achieved.' })
  @IfGiven()
  @IsDefined({ message: 'achievedOn cannot be empty' })
  achievedOn?: string;

  @Field({ nullable: true, description: "The specialty domain's code." })
  @IfGiven()
  @MaxLength(64, { message: 'domain is at most 64 characters' })
  @Matches(DOMAIN_CODE, { message: 'domain must be a specialty domain code such as CULTURAL_TOURISM' })
  domain?: string;

  @Field(() => RecognitionLevelEnum, { nullable: true, description: 'The highest level that recognised it.' })
  @IfGiven()
  @IsIn(RECOGNITION_LEVELS)
  recognitionLevel?: RecognitionLevel;

  @Field(() => [MeasuredImpactInput], {
    nullable: true,
    description: 'Replaces all measured impacts; [] removes them.',
  })
  @IfGiven()
  @IsArray({ message: 'impacts must be a list; [] removes them all' })
  @ArrayMaxSize(MAX_IMPACTS, { message: `An achievement has at most ${MAX_IMPACTS} measured impacts.` })
  @ValidateNested({ each: true })
  @Type(() => MeasuredImpactInput)
  impacts?: MeasuredImpactInput[];
}
