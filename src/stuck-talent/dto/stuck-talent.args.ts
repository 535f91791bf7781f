import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';

@ArgsType()
export class StuckTalentArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      "The unit whose subtree is reported, one row per unit directly beneath it; default the caller's jurisdiction.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class StuckTalentUnitsArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this unit's row (to page its names); default every row.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;
}
