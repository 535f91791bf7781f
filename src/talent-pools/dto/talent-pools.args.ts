import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/graphql/pagination';

@ArgsType()
export class TalentPoolsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only pools of this unit or units beneath it.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;
}
