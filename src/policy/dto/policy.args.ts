import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';

@ArgsType()
export class PolicyArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date the policy is read for; default today.' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
