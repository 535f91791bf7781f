import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateCadreInput } from './create-cadre.input';

/** Only the fields given change; a nullable field given as null is cleared. */
@InputType({
  description:
    'Changes to a cadre record: only the fields given change; a nullable field given as null is cleared.',
})
export class UpdateCadreInput extends PartialType(OmitType(CreateCadreInput, ['idempotencyKey'] as const)) {
  @Field(() => ID, { description: "The cadre's id (UUID)." })
  @IsUUID('all', { message: 'id must be a cadre id (UUID)' })
  id!: string;
}
