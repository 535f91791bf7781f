import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';

@ObjectType('StuckTalentCounts', {
  description: 'Cadres past a posting limit and ready for promotion on asOf, one year and two years earlier.',
})
export class StuckTalentCounts {
  @Field(() => Int, { description: "Cadres past a limit and ready for promotion on the report's date." })
  count!: number;
  @Field(() => Int, { description: "The same count one year before the report's date." })
  countOneYearEarlier!: number;
  @Field(() => Int, { description: "The same count two years before the report's date." })
  countTwoYearsEarlier!: number;
}

@ObjectType('StuckTalentUnit', {
  description:
    "One unit directly beneath the report's unit (its whole subtree), or the report's unit itself (own: the " +
    'cadres posted in it, not beneath it). A cadre posted in two such units on a date counts in both.',
})
export class StuckTalentUnit extends StuckTalentCounts {
  @Field(() => ID, { description: "The unit's id." }) unitId!: string;
  @Field({ description: 'The cadres posted in the unit itself, not beneath it.' }) own!: boolean;
  /** The date the row's cadres are listed on (the report's asOf). */
  asOf!: string;
}

@ObjectType('StuckTalentReport', {
  description:
    'The cadres kept too long: past a posting limit (POSTING_LIMIT_EXCEEDED) and PROMOTION_ELIGIBLE on the same ' +
    'date, per unit, now and one and two years earlier for the trend.',
})
export class StuckTalentReport {
  @Field(() => ID, { nullable: true, description: 'The unit reported; null: every unit.' }) unitId!:
    string | null;
  @Field(() => [DateScalar], {
    description: 'The three dates counted: asOf, one year earlier, two years earlier.',
  })
  dates!: string[];
  @Field(() => StuckTalentCounts, { description: 'Every cadre of the subtree once.' })
  total!: StuckTalentCounts;
  /** Every row; StuckTalentReport.units (stuck-talent.resolver.ts) gives them, or one of them. */
  units!: StuckTalentUnit[];
}
