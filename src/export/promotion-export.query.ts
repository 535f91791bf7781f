import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { LOCALES } from '../i18n/labels';
import { MaxLength } from '../common/max-length';
import { DOMAIN_CODE, LEVEL_CODE } from '../candidates/dto/promotion-candidates.args';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every export: the reader's language (headings, names of codes); default Accept-Language, then zh-CN. */
export class ExportLocaleQuery {
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: string;
}

/** The query string of /export/promotion-candidates.csv|.xlsx: the promotionCandidates input, as text. */
export class PromotionExportQuery extends ExportLocaleQuery {
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'targetLevel must be a level code such as COUNTY_DEPUTY' })
  targetLevel!: string;

  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @IsOptional()
  @MaxLength(64)
  @Matches(DOMAIN_CODE, { message: 'domain must be a domain code such as CULTURAL_TOURISM' })
  domain?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeNearlyEligible must be true or false' })
  includeNearlyEligible?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  withinMonths?: number;
}

export class PoolExportQuery extends ExportLocaleQuery {
  @IsOptional()
  @Matches(ISO_DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;
}

/** /export/team-structures.csv|.xlsx: the teamStructures arguments, as text. */
export class TeamExportQuery extends ExportLocaleQuery {
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'missingOnly must be true or false' })
  missingOnly?: boolean;
}
