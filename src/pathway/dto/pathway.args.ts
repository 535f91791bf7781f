import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';

@ArgsType()
export class PathwayArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date to evaluate on; default today.' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
