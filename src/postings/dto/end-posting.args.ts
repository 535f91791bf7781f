import { Allow } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { DateScalar } from '../../common/graphql/date.scalar';
import { IdArgs } from '../../common/graphql/id.args';

@ArgsType()
export class EndPostingArgs extends IdArgs {
  @Field(() => DateScalar, { description: 'The last day in post.' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  endDate!: string;
}
