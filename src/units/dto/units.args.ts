import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class UnitsArgs {
  @Field(() => ID, { nullable: true, description: 'Children of this unit; omit for the roots.' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a unit id (UUID)' })
  parentId?: string;
}
