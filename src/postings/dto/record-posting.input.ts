import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow, IsIn, IsOptional, IsUUID, Matches, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { POSTING_KINDS, PostingKind } from '../posting.entity';
import { PostingKindEnum } from '../posting.model';
import { IdempotencyKeyField } from '../../common/graphql/idempotency-key.field';

@InputType({ description: 'A posting (任职) to record.' })
export class RecordPostingInput {
  @IdempotencyKeyField()
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => ID, { description: "The unit's id; an ORG_DEPT records postings in its own subtree only." })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;

  @Field({ description: "The post's title, e.g. 副乡长." })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'A level code from the ladders, e.g. TOWNSHIP_CHIEF.' })
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'level must be a level code such as TOWNSHIP_CHIEF' })
  level!: string;

  @Field(() => PostingKindEnum, { nullable: true, description: 'Default REGULAR.' })
  @IsOptional()
  @IsIn(POSTING_KINDS)
  kind?: PostingKind;

  @Field(() => DateScalar, { description: 'The first day in post.' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day in post; omit while it lasts.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The HR system; given together with externalId.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The id in that HR system; unique per source.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  externalId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The post (职位) of the unit this posting fills; it counts toward the post’s holders.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'postId must be a post id (UUID)' })
  postId?: string | null;
}
