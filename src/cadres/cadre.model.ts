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
  @Field(() => ID, { description: "The cadre's id (UUID), stable across syncs." }) id!: string;
  @Field({ description: "The HR system's person number." }) externalId!: string;
  @Field({ description: 'Full name (姓名).' }) name!: string;
  @Field(() => GenderEnum, { description: 'Gender (性别).' }) gender!: Gender;
  @Field(() => DateScalar, { description: 'Date of birth (出生年月).' }) birthDate!: string;
  @Field(() => String, { nullable: true, description: 'Ethnicity (民族), e.g. 汉族, 藏族.' }) ethnicity!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Native place (籍贯); placeOfBirth is 出生地.' })
  nativePlace!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of joining the Party (入党时间); null when not a member. Party age (党龄) counts from it.',
  })
  partyJoinDate!: string | null;
  @Field(() => DateScalar, {
    description: 'Date of starting work (参加工作时间); work experience counts from it.',
  })
  workStartDate!: string;
  @Field(() => EducationLevelEnum, { description: 'Highest education (学历).' })
  educationLevel!: EducationLevel;
  @Field(() => String, { nullable: true, description: 'Major of the highest education (专业).' })
  educationMajor!: string | null;
  @Field({ description: 'True when the highest education was obtained through in-service study.' })
  educationInService!: boolean;
  @Field(() => String, { nullable: true, description: 'Professional title (专业技术职务), e.g. 高级农艺师.' })
  professionalTitle!: string | null;
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
  @Field(() => CadreStatusEnum, { description: 'Serving, retired or left.' }) status!: CadreStatus;
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
