import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';
import { TrainingNeed } from '../candidate.model';

@InputType({ description: 'Who needs training, and why.' })
export class TrainingCandidatesInput {
  @Field(() => ID, { nullable: true, description: 'Only cadres posted in this unit or beneath it.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;

  @Field(() => TrainingNeed, {
    nullable: true,
    description: 'Only cadres with this need; any need when absent.',
  })
  @IsOptional()
  @IsEnum(TrainingNeed)
  kind?: TrainingNeed;

  @Field(() => Int, {
    nullable: true,
    description:
      'LONG_SERVICE_NO_STUDY: grassroots years that count as long, 1 to 40; default the POST_LIMIT_SAME_POST years of the policy.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(40)
  longServiceYears?: number;
}

@ArgsType()
export class TrainingCandidatesArgs extends PageArgs {
  @Field(() => TrainingCandidatesInput, {
    nullable: true,
    description: "Where to look and which needs; default every need in the caller's jurisdiction.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TrainingCandidatesInput)
  input?: TrainingCandidatesInput;
}
