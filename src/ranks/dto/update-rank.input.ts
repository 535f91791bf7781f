import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { RecordRankInput } from './record-rank.input';

/** Only the fields given change; a rank grant stays with its cadre. */
@InputType({ description: 'Changes to a rank grant: only the fields given change.' })
export class UpdateRankInput extends PartialType(
  OmitType(RecordRankInput, ['cadreId', 'idempotencyKey'] as const),
) {
  @Field(() => ID, { description: "The rank grant's id (UUID)." })
  @IsUUID('all', { message: 'id must be a rank grant id (UUID)' })
  id!: string;
}
