import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsUUID, Matches } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';

@InputType({ description: 'A sanction lifted on appeal (撤销): the record stays, marked revoked.' })
export class RevokeSanctionInput {
  @Field(() => ID, { description: "The sanction's id (UUID)." })
  @IsUUID('all', { message: 'id must be a sanction id (UUID)' })
  id!: string;

  @Field(() => DateScalar, { description: 'The day it was lifted; not before the decision date.' })
  @IsDefined()
  revokedOn!: string;

  @Field({ description: 'Why it was revoked (on appeal or review).' })
  @MaxLength(2000, { message: 'reason is at most 2000 characters' })
  @Matches(/\S/, { message: 'reason cannot be blank' })
  reason!: string;
}
