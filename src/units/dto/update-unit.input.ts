import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateUnitInput } from './create-unit.input';

@InputType()
export class UpdateUnitInput extends PartialType(OmitType(CreateUnitInput, ['idempotencyKey'] as const)) {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a unit id (UUID)' })
  id!: string;
}
