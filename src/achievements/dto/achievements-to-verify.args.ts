import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/graphql/pagination';

@ArgsType()
export class AchievementsToVerifyArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only cadres posted in this unit or beneath it; default the caller's jurisdiction.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string | null;
}
