import { ArgsType, Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { PageArgs } from '../../common/graphql/pagination';
import { AUDIT_ACTIONS, AuditAction, AuditActionEnum } from '../audit-entry.model';

@InputType({ description: 'Which audit entries; all conditions together.' })
export class AuditFilter {
  @Field({ nullable: true, description: 'A table name, e.g. cadre.' })
  @IsOptional()
  @MaxLength(64)
  entity?: string;

  @Field({ nullable: true, description: 'Only entries about this record.' })
  @IsOptional()
  @MaxLength(64)
  entityId?: string;

  @Field({ nullable: true, description: 'Only entries by this token subject.' })
  @IsOptional()
  @MaxLength(200)
  actorSub?: string;

  @Field(() => AuditActionEnum, { nullable: true, description: 'Only this action.' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true, description: 'Which entries; default all, newest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilter)
  filter?: AuditFilter;
}
