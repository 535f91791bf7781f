import { Field, Float, InputType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, Matches, NotEquals } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { BETTER_WHEN, BetterWhen } from '../achievement.entity';
import { BetterWhenEnum } from '../achievement.model';

const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'One measured impact of an achievement: indicator, baseline, result and unit.' })
export class MeasuredImpactInput {
  @Field({ description: 'What was measured, e.g. "share of e-bikes in motor lanes off-peak".' })
  @MaxLength(200, { message: 'indicator is at most 200 characters' })
  @Matches(/\S/, { message: 'indicator cannot be blank' })
  indicator!: string;

  @Field(() => Float, { description: 'The value before; not 0, so the change has a percentage.' })
  @IsNumber(finite, { message: 'baseline must be a finite number' })
  @NotEquals(0, { message: 'baseline cannot be 0: a change from nothing has no percentage' })
  baseline!: number;

  @Field(() => Float, { description: 'The value after.' })
  @IsNumber(finite, { message: 'result must be a finite number' })
  result!: number;

  @Field({ description: 'e.g. "%", "visitors a year", "minutes".' })
  @MaxLength(32, { message: 'unit is at most 32 characters' })
  @Matches(/\S/, { message: 'unit cannot be blank' })
  unit!: string;

  @Field(() => BetterWhenEnum, {
    nullable: true,
    description: 'Omitted: HIGHER if result ≥ baseline, else LOWER.',
  })
  @IsOptional()
  @IsIn(BETTER_WHEN)
  betterWhen?: BetterWhen | null;
}
