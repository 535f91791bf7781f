import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@ArgsType()
export class PoolMemberArgs {
  @Field(() => ID, { description: "The pool's id." })
  @IsUUID('all', { message: 'poolId must be a pool id (UUID)' })
  poolId!: string;

  @Field(() => ID, { description: "The member's cadre id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;
}

@InputType({ description: 'A cadre to add to a pool, with the candidate snapshot of the day.' })
export class AddToPoolInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The pool's id." })
  @IsUUID('all', { message: 'poolId must be a pool id (UUID)' })
  poolId!: string;

  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field({ nullable: true, description: 'Why this cadre was chosen.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the snapshot is taken as of; default today.',
  })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class TalentPoolArgs {
  @Field(() => ID, { description: "The pool's id (UUID)." })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

@ArgsType()
export class PoolMembersArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date live status is evaluated on; default today.',
  })
  @IsOptional()
  asOf?: string;
}
