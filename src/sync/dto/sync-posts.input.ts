import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { PostRecordInput } from './post-record.input';
import { SyncInputBase } from './sync-input.base';

@InputType({ description: 'Posts from an HR system, keyed by their external id.' })
export class SyncPostsInput extends SyncInputBase {
  @Field(() => [PostRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: PostRecordInput[];
}
