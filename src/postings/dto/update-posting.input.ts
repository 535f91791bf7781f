import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { RecordPostingInput } from './record-posting.input';

/** Only the fields given change; a posting stays with its cadre. */
@InputType({
  description: 'Changes to a posting: only the fields given change; a posting stays with its cadre.',
})
export class UpdatePostingInput extends PartialType(
  OmitType(RecordPostingInput, ['cadreId', 'idempotencyKey'] as const),
) {
  @Field(() => ID, { description: "The posting's id (UUID)." })
  @IsUUID('all', { message: 'id must be a posting id (UUID)' })
  id!: string;
}
