import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { PageArgs } from '../../common/graphql/pagination';
import { SyncOutcomeEnum } from '../sync-run.model';
import { SYNC_OUTCOMES, SyncOutcome } from '../sync.types';

@ArgsType()
export class SyncResultsArgs extends PageArgs {
  @Field(() => SyncOutcomeEnum, { nullable: true, description: 'Only results with this outcome.' })
  @IsOptional()
  @IsIn(SYNC_OUTCOMES)
  outcome?: SyncOutcome;
}
