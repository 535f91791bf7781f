import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { APPRAISAL_GRADES, AppraisalEntity, AppraisalGrade } from './appraisal.entity';

export const AppraisalGradeEnum = Object.fromEntries(APPRAISAL_GRADES.map((g) => [g, g])) as Record<
  AppraisalGrade,
  AppraisalGrade
>;
registerEnumType(AppraisalGradeEnum, {
  name: 'AppraisalGrade',
  description:
    'Annual appraisal result: 优秀 EXCELLENT, 称职 COMPETENT, 基本称职 BASICALLY_COMPETENT, 不称职 INCOMPETENT, or UNGRADED.',
});

@ObjectType('Appraisal', { description: "A cadre's annual appraisal (年度考核) for one year." })
export class Appraisal {
  @Field(() => ID) id!: string;
  @Field(() => ID) cadreId!: string;
  @Field(() => Int) year!: number;
  @Field(() => AppraisalGradeEnum) grade!: AppraisalGrade;
  @Field(() => String, { nullable: true }) note!: string | null;

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
