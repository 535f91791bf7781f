import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SOURCE_DESCRIPTION } from '../units/unit.model';
import { DateScalar } from '../common/graphql/date.scalar';
import {
  CADRE_STATUSES,
  CadreEntity,
  CadreStatus,
  EDUCATION_LEVELS,
  EducationLevel,
  Gender,
  GENDERS,
} from './cadre.entity';
import { labelledValues } from '../common/graphql/enum-values';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const GenderEnum = asEnum(GENDERS);
registerEnumType(GenderEnum, {
  name: 'Gender',
  description: 'As on the appointment form (性别).',
  valuesMap: { MALE: { description: 'Male (男).' }, FEMALE: { description: 'Female (女).' } },
});
export const EducationLevelEnum = asEnum(EDUCATION_LEVELS);
registerEnumType(EducationLevelEnum, {
  name: 'EducationLevel',
  description: 'Highest education: SECONDARY, COLLEGE (大专), BACHELOR, MASTER, DOCTORATE.',
  valuesMap: labelledValues(EDUCATION_LEVELS, 'education'),
});
export const CadreStatusEnum = asEnum(CADRE_STATUSES);
registerEnumType(CadreStatusEnum, {
  name: 'CadreStatus',
  description: 'Whether the cadre is still serving.',
  valuesMap: {
    ACTIVE: { description: 'Serving (在职).' },
    RETIRED: { description: 'Retired (退休); the records stay.' },
    LEFT: { description: 'Left the service (调出, 辞职); the records stay.' },
  },
});

@ObjectType('Cadre', {
  description: 'An official managed by an organisation department (干部), after the appointment form.',
})
export class Cadre {
  @Field(() => ID) id!: string;
  @Field({ description: "The HR system's person number." }) externalId!: string;
  @Field() name!: string;
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => DateScalar) birthDate!: string;
  @Field(() => String, { nullable: true }) ethnicity!: string | null;
  @Field(() => String, { nullable: true }) nativePlace!: string | null;
  @Field(() => DateScalar, { nullable: true }) partyJoinDate!: string | null;
  @Field(() => DateScalar) workStartDate!: string;
  @Field(() => EducationLevelEnum) educationLevel!: EducationLevel;
  @Field(() => String, { nullable: true }) educationMajor!: string | null;
  @Field({ description: 'True when the highest education was obtained through in-service study.' })
  educationInService!: boolean;
  @Field(() => String, { nullable: true }) professionalTitle!: string | null;
  @Field(() => String, { nullable: true, description: '出生地: place of birth (nativePlace is 籍贯).' })
  placeOfBirth!: string | null;
  @Field(() => String, { nullable: true, description: '健康状况, e.g. 健康.' }) health!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '熟悉专业有何专长: fields and strengths, as written on the form.',
  })
  specialties!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '奖惩情况: rewards and penalties, as written on the form.',
  })
  rewardsPenalties!: string | null;
  @Field(() => CadreStatusEnum) status!: CadreStatus;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source!: string | null;

  static from(e: CadreEntity): Cadre {
    return Object.assign(new Cadre(), {
      id: e.id,
      externalId: e.externalId,
      name: e.name,
      gender: e.gender,
      birthDate: e.birthDate,
      ethnicity: e.ethnicity,
      nativePlace: e.nativePlace,
      partyJoinDate: e.partyJoinDate,
      workStartDate: e.workStartDate,
      educationLevel: e.educationLevel,
      educationMajor: e.educationMajor,
      educationInService: e.educationInService,
      professionalTitle: e.professionalTitle,
      placeOfBirth: e.placeOfBirth,
      health: e.health,
      specialties: e.specialties,
      rewardsPenalties: e.rewardsPenalties,
      status: e.status,
      source: e.source,
    });
  }
}
