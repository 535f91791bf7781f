import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { DOMAIN_CODE } from '../../candidates/dto/promotion-candidates.args';
import { MaxLength } from '../../common/max-length';
import { IsCalendarDate } from '../record-validation';

/** One post (职位) as the HR system has it; its unit by code. Dates are YYYY-MM-DD. */
@InputType({ description: 'A post as the HR system has it, keyed by its external id and its unit’s.' })
export class PostRecordInput {
  @Field({ description: "The post's id in the HR system; unique per source." })
  @MinLength(1)
  @MaxLength(128)
  @Matches(/\S/, { message: 'externalId must not be blank' })
  externalId!: string;

  @Field({ description: "The unit's code." })
  @MinLength(1)
  @MaxLength(64)
  unitCode!: string;

  @Field({ description: 'Unique in the unit, e.g. 副县长.' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'A LEADERSHIP ladder code, e.g. COUNTY_DEPUTY.' })
  @MinLength(1)
  @MaxLength(32)
  level!: string;

  @Field(() => Int, { description: 'The approved number of holders (职数), 0 to 1000.' })
  @IsInt()
  @Min(0, { message: 'approvedHolders must not be negative' })
  @Max(1000)
  approvedHolders!: number;

  @Field(() => Boolean, { nullable: true, description: 'A Party post; default false.' })
  @IsOptional()
  @IsBoolean()
  partyPost?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Specialty domain codes the post needs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DOMAIN_CODE, { each: true, message: 'each domain must be a code such as CULTURAL_TOURISM' })
  requiredDomains?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Domain codes that count in a candidate’s favour.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DOMAIN_CODE, { each: true, message: 'each domain must be a code such as CULTURAL_TOURISM' })
  preferredDomains?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: since when the post exists.' })
  @IsOptional()
  @IsCalendarDate()
  establishedOn?: string | null;
}
