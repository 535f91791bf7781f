import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';

@ArgsType()
export class VacanciesArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Posts of this unit and beneath it; default your jurisdiction (ADMIN: everything).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date evaluated; default today.' })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class UnitPostsArgs {
  @Field(() => ID, { description: 'The unit’s id.' })
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId!: string;
}

@ArgsType()
export class StaffingArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' })
  @IsOptional()
  asOf?: string;
}
