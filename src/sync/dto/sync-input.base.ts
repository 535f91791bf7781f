import { Field, InputType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsIn, IsOptional, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { SyncModeEnum } from '../sync-run.model';
import { SYNC_MODES, SyncMode } from '../sync.types';

/** What every sync input has besides its records. */
@InputType({ isAbstract: true })
export abstract class SyncInputBase {
  @Field({ description: 'The HR system; an HR_SYNC token may send only its own source.' })
  @MinLength(1)
  @MaxLength(64)
  source!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Resending with the same key returns the first run; the same key with another payload is CONFLICT.',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;

  @Field(() => SyncModeEnum, { nullable: true, description: 'Default UPSERT.' })
  @IsOptional()
  @IsIn(SYNC_MODES)
  mode?: SyncMode | null;

  @Field(() => Boolean, { nullable: true, description: 'Compute the outcomes, write nothing but the run.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'One rejected record rejects the whole batch.' })
  @IsOptional()
  @IsBoolean()
  atomic?: boolean | null;

  @IsArray()
  abstract records: object[];
}

/** Postings add the SNAPSHOT scope and the day it is taken. */
@InputType({ isAbstract: true })
export abstract class SnapshotInputBase extends SyncInputBase {
  @Field(() => String, {
    nullable: true,
    description:
      "SNAPSHOT: the unit code whose subtree the batch covers in full; this source's postings there that the batch does not send are ended.",
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  scopeUnitCode?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'SNAPSHOT: postings not sent end the day before this date; default today.',
  })
  @IsOptional()
  asOf?: string | null;
}
