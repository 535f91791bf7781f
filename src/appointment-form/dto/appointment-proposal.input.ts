import { Field, ID, InputType, PartialType, PickType } from '@nestjs/graphql';
import { Allow, IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';

const NOT_BLANK = /\S/;

@InputType({ description: 'A proposal names a post to take, posts to leave, or both, and the reason.' })
export class CreateAppointmentProposalInput {
  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => DateScalar, { description: 'The date of the proposal; the form is filled as of this date.' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  proposedOn!: string;

  @Field(() => String, { nullable: true, description: '拟任职务.' })
  @IsOptional()
  @MaxLength(500, { message: 'proposedPost is at most 500 characters' })
  proposedPost?: string | null;

  @Field(() => String, { nullable: true, description: '拟免职务.' })
  @IsOptional()
  @MaxLength(500, { message: 'postsToRemove is at most 500 characters' })
  postsToRemove?: string | null;

  @Field({ description: '任免理由.' })
  @MinLength(1)
  @MaxLength(2000, { message: 'reason is at most 2000 characters' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

@InputType({ description: 'Only the fields given change; a nullable field given as null is cleared.' })
export class UpdateAppointmentProposalInput extends PartialType(
  PickType(CreateAppointmentProposalInput, [
    'proposedOn',
    'proposedPost',
    'postsToRemove',
    'reason',
  ] as const),
) {
  @Field(() => ID, { description: "The proposal's id (UUID)." })
  @IsUUID('all', { message: 'id must be an appointment proposal id (UUID)' })
  id!: string;
}
