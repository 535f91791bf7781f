import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { APPRAISAL_GRADES, AppraisalEntity, AppraisalGrade } from './appraisal.entity';
import { labelledValues } from '../common/graphql/enum-values';

export const AppraisalGradeEnum = Object.fromEntries(APPRAISAL_GRADES.map((g) => [g, g])) as Record<
  AppraisalGrade,
  AppraisalGrade
>;
registerEnumType(AppraisalGradeEnum, {
  name: 'AppraisalGrade',
  description:
    'Annual appraisal result: 优秀 EXCELLENT, 称职 COMPETENT, 基本称职 BASICALLY_COMPETENT, 不称职 INCOMPETENT, or UNGRADED.',
  valuesMap: labelledValues(APPRAISAL_GRADES, 'grade', {
    EXCELLENT:
      'by default (PROMO_APPRAISAL) the year counts and shortens the time for the next rank by six months.',
    COMPETENT: 'the year counts toward time for posts and ranks.',
    BASICALLY_COMPETENT: 'by default the year does not count toward time for posts and ranks.',
    INCOMPETENT: 'by default the year does not count, and leads to one step down.',
    UNGRADED: 'not graded (e.g. a first, partial year); by default the year does not count.',
  }),
});

@ObjectType('Appraisal', { description: "A cadre's annual appraisal (年度考核) for one year." })
export class Appraisal {
  @Field(() => ID, { description: "The appraisal's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => Int, { description: 'The appraised year.' }) year!: number;
  @Field(() => AppraisalGradeEnum, { description: "The year's grade (考核等次)." }) grade!: AppraisalGrade;
  @Field(() => String, { nullable: true, description: 'A free note.' }) note!: string | null;

  static from(e: AppraisalEntity): Appraisal {
    return Object.assign(new Appraisal(), {
      id: e.id,
      cadreId: e.cadreId,
      year: e.year,
      grade: e.grade,
      note: e.note,
    });
  }
}
