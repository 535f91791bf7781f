import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID, Matches } from 'class-validator';
import { MaxLength } from '../../common/max-length';

/** One unit's quota for one rank. */
@ArgsType()
export class RankQuotaArgs {
  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: 'A code of the RANK ladder, e.g. PRINCIPAL_STAFF_3.' })
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'level must be a rank code such as PRINCIPAL_STAFF_3' })
  level!: string;
}

/** A unit's quotas. */
@ArgsType()
export class UnitRankQuotasArgs {
  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;
}
