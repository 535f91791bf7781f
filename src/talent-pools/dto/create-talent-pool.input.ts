import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DOMAIN_CODE, LEVEL_CODE } from '../../candidates/dto/promotion-candidates.args';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'A new talent pool (后备干部名单) for a target level in a unit.' })
export class CreateTalentPoolInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field({ description: "The pool's name." })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: 'The level the pool prepares people for, e.g. COUNTY_DEPUTY.' })
  @MaxLength(32)
  @Matches(LEVEL_CODE, { message: 'targetLevel must be a level code such as COUNTY_DEPUTY' })
  targetLevel!: string;

  @Field(() => ID, { description: 'The unit whose pool it is; members come from its subtree.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ nullable: true, description: 'A specialty domain the post needs, e.g. CULTURAL_TOURISM.' })
  @IsOptional()
  @MaxLength(64)
  @Matches(DOMAIN_CODE, { message: 'domain must be a domain code such as CULTURAL_TOURISM' })
  domain?: string;

  @Field({ nullable: true, description: 'A free note.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
