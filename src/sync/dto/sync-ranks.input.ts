import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { RankRecordInput } from './rank-record.input';
import { SyncInputBase } from './sync-input.base';

@InputType()
export class SyncRanksInput extends SyncInputBase {
  @Field(() => [RankRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: RankRecordInput[];
}
