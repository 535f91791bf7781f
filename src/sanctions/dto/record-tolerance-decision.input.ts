import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsOptional, IsUUID, Matches } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';

@InputType({ description: 'A 容错 decision for one sanction or accountability record; one per record.' })
export class RecordToleranceDecisionInput {
  @Field(() => ID, { description: 'The cadre the record belongs to (checked against the record).' })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => ID, { description: "The sanction's id." })
  @IsUUID('all', { message: 'sanctionId must be a sanction id (UUID)' })
  sanctionId!: string;

  @Field({ description: 'Why the error is tolerated (三个区分开来), and the decision document.' })
  @MaxLength(2000, { message: 'basis is at most 2000 characters' })
  @Matches(/\S/, { message: 'basis cannot be blank' })
  basis!: string;

  @Field(() => DateScalar, { description: 'The day of the decision; not before the record’s decision date.' })
  @IsDefined()
  decidedOn!: string;

  @Field(() => String, { nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
