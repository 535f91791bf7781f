import { Field, InputType } from '@nestjs/graphql';
import { IsArray } from 'class-validator';
import { CheckedPerRecord } from '../../common/text';
import { SyncInputBase } from './sync-input.base';
import { UnitRecordInput } from './unit-record.input';

@InputType({ description: 'A batch of unit records from one HR system.' })
export class SyncUnitsInput extends SyncInputBase {
  @Field(() => [UnitRecordInput], { description: 'At most 10,000 per call (SYNC_BATCH_LIMIT).' })
  @IsArray()
  @CheckedPerRecord()
  records!: UnitRecordInput[];
}
