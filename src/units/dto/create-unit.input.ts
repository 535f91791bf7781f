import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { UNIT_KINDS, UNIT_LEVELS, UnitKind, UnitLevel } from '../unit.entity';
import { UnitKindEnum, UnitLevelEnum } from '../unit.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'A new unit in the tree.' })
export class CreateUnitInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field({ description: "The unit's code, unique." })
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'code uses letters, digits, "_", "." and "-" only' })
  code!: string;

  @Field({ description: "The unit's name." })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => UnitLevelEnum, { description: 'Administrative level (行政层级).' })
  @IsIn(UNIT_LEVELS)
  level!: UnitLevel;

  @Field(() => UnitKindEnum, { description: 'What kind of body it is.' })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true, description: "The parent unit's id; omit for a root." })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a unit id (UUID)' })
  parentId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The administrative area the unit governs (e.g. 白马县): set on an area’s top units.',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/\S/, { message: 'areaName must not be blank' })
  areaName?: string | null;
}
