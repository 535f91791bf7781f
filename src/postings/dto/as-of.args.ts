import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';

@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date to count to; default today.' })
  @IsOptional()
  asOf?: string;
}
