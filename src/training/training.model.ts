import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { TRAINING_KINDS, TrainingEntity, TrainingKind } from './training.entity';
import { labelledValues } from '../common/graphql/enum-values';

export const TrainingKindEnum = Object.fromEntries(TRAINING_KINDS.map((k) => [k, k])) as Record<
  TrainingKind,
  TrainingKind
>;
registerEnumType(TrainingKindEnum, {
  name: 'TrainingKind',
  description: 'Where the training took place: Party school, administration institute, university, online…',
  valuesMap: labelledValues(TRAINING_KINDS, 'trainingKind'),
});

@ObjectType('Training', { description: 'A course or programme a cadre attended, with its class hours.' })
export class Training {
  @Field(() => ID, { description: "The training record's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field({ description: 'The course or programme, e.g. 乡镇党委书记任职培训班.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Who gave it, e.g. 省委党校.' }) provider!:
    string | null;
  @Field(() => TrainingKindEnum, { description: 'Where it took place; decides what the hours count toward.' })
  kind!: TrainingKind;
  @Field(() => DateScalar, { description: 'The first day.' }) startDate!: string;
  @Field(() => DateScalar, { description: 'The last day; null while it lasts.' }) endDate!: string;
  @Field(() => Float, { description: 'Class hours (学时), one decimal place.' }) classHours!: number;
  @Field({ description: 'False while the course is under way or was not finished.' }) completed!: boolean;

  static from(e: TrainingEntity): Training {
    return Object.assign(new Training(), {
      id: e.id,
      cadreId: e.cadreId,
      title: e.title,
      provider: e.provider,
      kind: e.kind,
      startDate: e.startDate,
      endDate: e.endDate,
      classHours: e.classHours,
      completed: e.completed,
    });
  }
}
