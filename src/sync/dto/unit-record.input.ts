import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { UNIT_KINDS, UNIT_LEVELS } from '../../units/unit.entity';

/** One unit as the HR system has it, keyed by code; its parent by code too (in the batch or already known). */
@InputType({
  description:
    'One unit as the HR system has it, keyed by code; its parent by code too (in the batch or already known).',
})
export class UnitRecordInput {
  @Field({ description: "The unit's code, unique." })
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'code uses letters, digits, "_", "." and "-" only' })
  code!: string;

  @Field({ description: "The unit's name." })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: `${UNIT_LEVELS.join(', ')}.` })
  @IsIn(UNIT_LEVELS, { message: `level must be one of ${UNIT_LEVELS.join(', ')}` })
  level!: string;

  @Field({ description: 'A unit kind, e.g. GOVERNMENT or PARTY_COMMITTEE.' })
  @IsIn(UNIT_KINDS, { message: `kind must be one of ${UNIT_KINDS.join(', ')}` })
  kind!: string;

  @Field(() => String, { nullable: true, description: "The parent unit's code; omit for a root unit." })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  parentCode?: string | null;
}
