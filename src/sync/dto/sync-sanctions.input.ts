import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { SanctionRecordInput } from './sanction-record.input';
import { SyncInputBase } from './sync-input.base';

@InputType({ description: 'A batch of sanction records from one HR system.' })
export class SyncSanctionsInput extends SyncInputBase {
  @Field(() => [SanctionRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: SanctionRecordInput[];
}
