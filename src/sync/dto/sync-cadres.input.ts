import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { CadreRecordInput } from './cadre-record.input';
import { SyncInputBase } from './sync-input.base';

@InputType({ description: 'A batch of cadre records from one HR system.' })
export class SyncCadresInput extends SyncInputBase {
  @Field(() => [CadreRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: CadreRecordInput[];
}
