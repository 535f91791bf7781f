import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { SANCTION_KINDS, SanctionKind } from '../sanction.entity';
import { SanctionKindEnum } from '../sanction.model';

/** Omitted means "leave as is"; null is refused for a field the record must have. */
const IfGiven = () => ValidateIf((_o, v) => v !== undefined);

@InputType({
  description:
    'Corrects a record; only the fields given change. Revocation and 容错 have their own mutations.',
})
export class UpdateSanctionInput {
  @Field(() => ID, { description: "The sanction's id (UUID)." })
  @IsUUID('all', { message: 'id must be a sanction id (UUID)' })
  id!: string;

  @Field(() => SanctionKindEnum, { nullable: true, description: 'The sanction or measure.' })
  @IfGiven()
  @IsIn(SANCTION_KINDS)
  kind?: SanctionKind;

  @Field(() => DateScalar, { nullable: true, description: 'The day the decision was taken.' })
  @IfGiven()
  decisionDate?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it took effect; not before decisionDate.',
  })
  @IfGiven()
  effectiveDate?: string;

  @Field(() => String, { nullable: true, description: 'The body that decided it.' })
  @IfGiven()
  @MaxLength(200, { message: 'issuingBody is at most 200 characters' })
  @Matches(/\S/, { message: 'issuingBody cannot be blank' })
  issuingBody?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(100, { message: 'documentNumber is at most 100 characters' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
