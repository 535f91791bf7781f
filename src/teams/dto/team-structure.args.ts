import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID, MinLength } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';
import { MaxLength } from '../../common/max-length';

@ArgsType()
export class TeamStructureArgs {
  @Field(() => ID, { description: 'The unit whose leadership team is read.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;
}

/** The root and date of a list of teams or cadres under a unit. */
@ArgsType()
export class TeamListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "The root unit; default the caller's jurisdiction." })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class TeamStructuresArgs extends TeamListArgs {
  @Field({
    defaultValue: true,
    description: 'Only the units that miss a target (default); false: every team.',
  })
  @IsBoolean()
  missingOnly!: boolean;
}

@ArgsType()
export class YoungCadresArgs extends TeamListArgs {
  @Field({ description: 'A leadership level with a young age in TEAM_STRUCTURE.youngMaxAgeByLevel.' })
  @MinLength(1)
  @MaxLength(32, { message: 'level is at most 32 characters' })
  level!: string;
}
