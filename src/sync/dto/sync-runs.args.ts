import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { PageArgs } from '../../common/graphql/pagination';

@ArgsType()
export class SyncRunsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Default: an HR_SYNC token's own source; ADMIN: all." })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  source?: string;
}
