import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { MaxLength } from '../../common/max-length';

@ArgsType()
export class AvoidanceCheckArgs {
  @Field(() => ID, { description: 'The cadre proposed for the post.' })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => ID, { description: 'The unit of the post.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: 'The post title as it would be recorded on the posting, e.g. 县委书记.' })
  @MinLength(1)
  @MaxLength(200, { message: 'title is at most 200 characters' })
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'The level of the post (a position_level code, e.g. COUNTY_CHIEF).' })
  @MinLength(1)
  @MaxLength(32, { message: 'level is at most 32 characters' })
  level!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the appointment; default today.' })
  @IsOptional()
  asOf?: string;
}
