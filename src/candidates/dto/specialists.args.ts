import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';
import { DOMAIN_CODE } from './promotion-candidates.args';

@ArgsType()
export class SpecialistsArgs extends PageArgs {
  @Field({ description: 'A specialty domain, e.g. CULTURAL_TOURISM.' })
  @MaxLength(64)
  @Matches(DOMAIN_CODE, { message: 'domain must be a domain code such as CULTURAL_TOURISM' })
  domain!: string;

  @Field(() => ID, { nullable: true, description: 'Only cadres posted in this unit or beneath it.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

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
