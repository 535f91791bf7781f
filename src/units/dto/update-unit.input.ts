import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateUnitInput } from './create-unit.input';

@InputType({ description: 'Changes to a unit: only the fields given change.' })
export class UpdateUnitInput extends PartialType(OmitType(CreateUnitInput, ['idempotencyKey'] as const)) {
  @Field(() => ID, { description: "The unit's id (UUID)." })
  @IsUUID('all', { message: 'id must be a unit id (UUID)' })
  id!: string;
}
