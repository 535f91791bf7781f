import { ArgsType, Field, ID, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MaxLength } from '../../common/max-length';

export const VERIFICATION_DECISIONS = ['VERIFIED', 'REJECTED'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];
export const VerificationDecisionEnum = { VERIFIED: 'VERIFIED', REJECTED: 'REJECTED' } as const;
registerEnumType(VerificationDecisionEnum, {
  name: 'VerificationDecision',
  description: "An organisation department's decision on a claimed achievement.",
  valuesMap: {
    VERIFIED: { description: 'Confirmed (已核实): the achievement counts from today.' },
    REJECTED: { description: 'Not confirmed (未通过): it never counts.' },
  },
});

@ArgsType()
export class VerifyAchievementArgs {
  @Field(() => ID, { description: "The achievement's id (UUID)." })
  @IsUUID('all', { message: 'id must be an achievement id (UUID)' })
  id!: string;

  @Field(() => VerificationDecisionEnum, { description: 'Verified or rejected.' })
  @IsIn(VERIFICATION_DECISIONS)
  decision!: VerificationDecision;

  @Field(() => String, { nullable: true, description: 'Why; shown with the decision.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
