import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';
import { FlagCode } from '../flag.model';

const AS_OF_RECORDED = {
  nullable: true,
  description:
    'Count only the achievements verified on or before this date (what the records said then); default asOf, so ' +
    'an achievement verified after asOf does not count as of asOf. A later date asks what is known now about asOf.',
};

@ArgsType()
export class CadreFlagsArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

  @Field(() => DateScalar, AS_OF_RECORDED)
  @IsOptional()
  asOfRecorded?: string;
}

@InputType({ description: 'Which flagged cadres a list holds; all conditions together.' })
export class FlaggedCadresFilter {
  @Field(() => [FlagCode], {
    nullable: true,
    description: 'The same as anyOf (kept for existing clients); not together with anyOf.',
    deprecationReason:
      'Use anyOf: it replaced codes when allOf was added; codes stays until the next major version.',
  })
  @IsOptional()
  @IsEnum(FlagCode, { each: true })
  codes?: FlagCode[];

  @Field(() => [FlagCode], {
    nullable: true,
    description:
      'Cadres holding every one of these codes on asOf, e.g. [POSTING_LIMIT_EXCEEDED, PROMOTION_ELIGIBLE]: ' +
      'past a limit and ready for promotion. With anyOf, both must hold.',
  })
  @IsOptional()
  @IsEnum(FlagCode, { each: true })
  allOf?: FlagCode[];

  @Field(() => [FlagCode], {
    nullable: true,
    description:
      'Cadres holding at least one of these codes. Without allOf and anyOf, every code. ' +
      'Each node lists its flags with the codes of allOf and anyOf.',
  })
  @IsOptional()
  @IsEnum(FlagCode, { each: true })
  anyOf?: FlagCode[];

  @Field(() => ID, {
    nullable: true,
    description: 'Cadres with a current posting in this unit or beneath it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field({ nullable: true, description: 'SPECIALIST_STRENGTH only in this domain, e.g. TRANSPORT.' })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'domain must be a domain code such as TRANSPORT' })
  domain?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

  @Field(() => DateScalar, AS_OF_RECORDED)
  @IsOptional()
  asOfRecorded?: string;
}

@ArgsType()
export class FlaggedCadresArgs extends PageArgs {
  @Field(() => FlaggedCadresFilter, {
    nullable: true,
    description: "Which cadres and codes; default every flagged cadre of the caller's jurisdiction.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FlaggedCadresFilter)
  filter?: FlaggedCadresFilter;
}
