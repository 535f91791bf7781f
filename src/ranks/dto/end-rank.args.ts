import { ArgsType, Field } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdArgs } from '../../common/graphql/id.args';

@ArgsType()
export class EndRankArgs extends IdArgs {
  @Field(() => DateScalar, { description: 'The last day the rank is held.' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  endDate!: string;
}
