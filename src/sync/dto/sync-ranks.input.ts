import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { RankRecordInput } from './rank-record.input';
import { SyncInputBase } from './sync-input.base';

@InputType({ description: 'A batch of rank records from one HR system.' })
export class SyncRanksInput extends SyncInputBase {
  @Field(() => [RankRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: RankRecordInput[];
}
