import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { UNIT_KINDS, UNIT_LEVELS, UnitKind, UnitLevel } from '../unit.entity';
import { UnitKindEnum, UnitLevelEnum } from '../unit.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType()
export class CreateUnitInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'code uses letters, digits, "_", "." and "-" only' })
  code!: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => UnitLevelEnum)
  @IsIn(UNIT_LEVELS)
  level!: UnitLevel;

  @Field(() => UnitKindEnum)
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true })
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
