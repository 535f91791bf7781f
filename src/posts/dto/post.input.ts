import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { DOMAIN_CODE, LEVEL_CODE } from '../../candidates/dto/promotion-candidates.args';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';
import { MaxLength } from '../../common/max-length';

/** The fields a post has besides its unit; shared by create and update. */
@InputType({ isAbstract: true })
export abstract class PostFieldsInput {
  @Field({ nullable: true, description: 'Whether it is a Party post (e.g. 县委副书记); default false.' })
  @IsOptional()
  @IsBoolean()
  partyPost?: boolean;

  @Field(() => [String], { nullable: true, description: 'Specialty domain codes the post needs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DOMAIN_CODE, { each: true, message: 'each domain must be a code such as CULTURAL_TOURISM' })
  requiredDomains?: string[];

  @Field(() => [String], { nullable: true, description: 'Domain codes that count in a candidate’s favour.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DOMAIN_CODE, { each: true, message: 'each domain must be a code such as CULTURAL_TOURISM' })
  preferredDomains?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Since when the post exists.' })
  @IsOptional()
  establishedOn?: string | null;
}

@InputType({ description: 'A new post of a unit’s leadership with its approved number (职数).' })
export class CreatePostInput extends PostFieldsInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: 'The post’s title, unique in the unit, e.g. 副县长.' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'A LEADERSHIP ladder code, e.g. COUNTY_DEPUTY.' })
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'level must be a level code such as COUNTY_DEPUTY' })
  level!: string;

  @Field(() => Int, { description: 'The approved number of holders (职数), 0 to 1000.' })
  @IsInt()
  @Min(0, { message: 'approvedHolders must not be negative' })
  @Max(1000)
  approvedHolders!: number;
}

@InputType({ description: 'A post’s id and the fields to change; omitted fields keep their values.' })
export class UpdatePostInput extends PostFieldsInput {
  @Field(() => ID, { description: 'The post’s id.' })
  @IsUUID('all', { message: 'id must be a post id (UUID)' })
  id!: string;

  @Field({ nullable: true, description: 'The post’s title, unique in the unit.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @Field({ nullable: true, description: 'A LEADERSHIP ladder code.' })
  @IsOptional()
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'level must be a level code such as COUNTY_DEPUTY' })
  level?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'May be set below the current holders: flagged, not refused.',
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'approvedHolders must not be negative' })
  @Max(1000)
  approvedHolders?: number;
}

@InputType({
  description: 'A unit’s approved number of leaders at one level (职数), where its posts are not itemised.',
})
export class SetPostQuotaInput {
  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: 'A LEADERSHIP ladder code.' })
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'level must be a level code such as COUNTY_DEPUTY' })
  level!: string;

  @Field(() => Int, {
    description:
      'The approved number (职数), 0 to 100,000; below the current holders it is flagged, not refused.',
  })
  @IsInt()
  @Min(0, { message: 'places must not be negative' })
  @Max(100000)
  places!: number;
}
