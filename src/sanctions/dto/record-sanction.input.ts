import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDefined, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';
import { SANCTION_KINDS, SanctionKind } from '../sanction.entity';
import { SanctionKindEnum } from '../sanction.model';

@InputType({ description: 'A sanction (处分) or organisational measure (组织处理) to record.' })
export class RecordSanctionInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => SanctionKindEnum, { description: 'The sanction or measure.' })
  @IsIn(SANCTION_KINDS)
  kind!: SanctionKind;

  @Field(() => DateScalar, { description: 'The day the decision was taken.' })
  @IsDefined() // the scalar has checked the format; this keeps the whitelist from dropping it
  decisionDate!: string;

  @Field(() => DateScalar, { description: 'The day it took effect; not before decisionDate.' })
  @IsDefined()
  effectiveDate!: string;

  @Field({ description: 'The body that decided it, e.g. 县纪委监委.' })
  @MaxLength(200, { message: 'issuingBody is at most 200 characters' })
  @Matches(/\S/, { message: 'issuingBody cannot be blank' })
  issuingBody!: string;

  @Field(() => String, { nullable: true, description: 'The decision document number (文号).' })
  @IsOptional()
  @MaxLength(100, { message: 'documentNumber is at most 100 characters' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string | null;
}
