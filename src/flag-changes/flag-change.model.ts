import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDefined, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { Connection, PageArgs } from '../common/graphql/pagination';
import { FlagCode, Severity } from '../flags/flag.model';

export enum FlagChangeKind {
  STARTED = 'STARTED',
  ESCALATED = 'ESCALATED',
  EASED = 'EASED',
  ENDED = 'ENDED',
}
registerEnumType(FlagChangeKind, {
  name: 'FlagChangeKind',
  description: 'How a flag changed on a date.',
  valuesMap: {
    STARTED: { description: 'The flag holds from this date (开始); it did not the day before.' },
    ESCALATED: {
      description:
        'It moved on on this date: APPROACHING became EXCEEDED, a due training became overdue (升级).',
    },
    EASED: { description: 'It turned less severe on this date (降级).' },
    ENDED: {
      description:
        'It no longer holds from this date (结束): the limit, the shortfall or the period is over.',
    },
  },
});

@ObjectType('FlagChange', {
  description:
    "One change of one cadre's flag on a date, read from the date spans of the rules (rule_span): what starts, " +
    'escalates, eases or ends. A date in the future is what will happen if the records stay as they are.',
})
export class FlagChange {
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => DateScalar, { description: 'The first day the new state holds.' }) on!: string;
  @Field(() => FlagChangeKind, { description: 'How the flag changed on the date.' }) change!: FlagChangeKind;
  @Field({ description: 'The policy rule whose finding changed.' }) ruleId!: string;
  @Field(() => FlagCode, { description: 'The flag after the change (for ENDED: the flag that ended).' })
  code!: FlagCode;
  @Field(() => Severity, { description: 'Its severity after the change (for ENDED: the one that ended).' })
  severity!: Severity;
  @Field(() => FlagCode, { nullable: true, description: 'ESCALATED and EASED: the flag before the change.' })
  previousCode!: FlagCode | null;
  @Field(() => Severity, { nullable: true, description: 'ESCALATED and EASED: the severity before.' })
  previousSeverity!: Severity | null;
  @Field(() => String, { nullable: true, description: 'SPECIALIST_STRENGTH: the domain.' }) domain!:
    string | null;
  @Field(() => JSONScalar, { description: 'The facts of the finding (limit dates, hours, posting ids …).' })
  facts!: Record<string, unknown>;
  @Field(() => Int, { description: 'The policy version in force on that date.' }) policyVersion!: number;
}

@ObjectType('FlagChangeConnection', { description: 'A page of flag changes, by date.' })
export class FlagChangeConnection extends Connection(FlagChange) {}

/** The longest period one request may ask about, in days (about ten years). */
export const MAX_PERIOD_DAYS = 3660;

@ArgsType()
export class FlagChangesArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      "Cadres posted in this unit or beneath it on the date of the change (or the day before); default the caller's jurisdiction.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field(() => DateScalar, { description: 'First date of the period (inclusive).' })
  @IsDefined()
  from!: string;

  @Field(() => DateScalar, {
    description: `Last date of the period (inclusive); at most ${MAX_PERIOD_DAYS} days after from.`,
  })
  @IsDefined()
  to!: string;

  @Field(() => [FlagCode], { nullable: true, description: 'Only changes of these flags; all when absent.' })
  @IsOptional()
  @IsEnum(FlagCode, { each: true })
  codes?: FlagCode[];
}
