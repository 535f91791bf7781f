import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { PostingRecordInput } from './posting-record.input';
import { SnapshotInputBase } from './sync-input.base';

@InputType({ description: 'A batch of posting records from one HR system.' })
export class SyncPostingsInput extends SnapshotInputBase {
  @Field(() => [PostingRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: PostingRecordInput[];
}
