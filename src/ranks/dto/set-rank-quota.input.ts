import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { MaxLength } from '../../common/max-length';

@InputType({ description: 'A unit’s quota for one rank (职级职数), set or replaced.' })
export class SetRankQuotaInput {
  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: 'A level of the RANK ladder, e.g. PRINCIPAL_STAFF_3.' })
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'level must be a rank code such as PRINCIPAL_STAFF_3' })
  level!: string;

  @Field(() => Int, { description: 'How many of the unit’s cadres may hold the rank: 0 to 100000.' })
  @IsInt({ message: 'places must be a whole number' })
  @Min(0, { message: 'places cannot be negative' })
  @Max(100000, { message: 'places is at most 100000' })
  places!: number;
}
