import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';

export const LEVEL_CODE = /^[A-Z][A-Z0-9_]*$/;
export const DOMAIN_CODE = /^[A-Z][A-Z0-9_]*$/;

@InputType({ description: 'Who may be promoted to a level: the target level, where, and how soon.' })
export class PromotionCandidatesInput {
  @Field({
    description: 'The level to fill, e.g. COUNTY_DEPUTY; candidates hold the level one step below it.',
  })
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'targetLevel must be a level code such as COUNTY_DEPUTY' })
  targetLevel!: string;

  @Field(() => ID, { nullable: true, description: 'Only cadres posted in this unit or beneath it.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field({
    nullable: true,
    description: 'A specialty domain the post needs, e.g. CULTURAL_TOURISM (specialistMatch).',
  })
  @IsOptional()
  @MaxLength(64)
  @Matches(DOMAIN_CODE, { message: 'domain must be a domain code such as CULTURAL_TOURISM' })
  domain?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

  @Field({ nullable: true, description: 'Also list READY_SOON candidates; default false.' })
  @IsOptional()
  @IsBoolean()
  includeNearlyEligible?: boolean;

  @Field({
    nullable: true,
    description:
      'An exceptional (破格) list, for a highly specialised or urgently needed post: PROMO_EXCEPTIONAL applies (SPECIALIST_STRENGTH in `domain`, which is then required, probation over, a year since the last promotion) and the requirements it waives are set aside. Leadership targets only; default false.',
  })
  @IsOptional()
  @IsBoolean()
  exceptional?: boolean;

  @Field({
    nullable: true,
    description:
      'Whether the post to fill is a Party post (PROMO_PARTY_AGE applies). Absent: judged for each cadre by the kind of the current post’s unit (PARTY_COMMITTEE), as on the pathway.',
  })
  @IsOptional()
  @IsBoolean()
  partyPost?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'How far ahead READY_SOON reaches, 1 to 60 months; default 12.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  withinMonths?: number;
}

@ArgsType()
export class PromotionCandidatesArgs extends PageArgs {
  @Field(() => PromotionCandidatesInput, { description: 'The target level and where to look.' })
  @ValidateNested()
  @Type(() => PromotionCandidatesInput)
  input!: PromotionCandidatesInput;
}
