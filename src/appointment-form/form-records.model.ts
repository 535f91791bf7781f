import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EducationLevel } from '../cadres/cadre.entity';
import { EducationLevelEnum } from '../cadres/cadre.model';
import { DateScalar } from '../common/graphql/date.scalar';
import { AppointmentProposalEntity } from './appointment-proposal.entity';
import { CadreEducationEntity, EDUCATION_KINDS, EducationKind } from './cadre-education.entity';
import { FamilyMemberEntity } from './family-member.entity';
import { RelationKind, RelationKindEnum } from './relation-kind';

export const EducationKindEnum = Object.fromEntries(EDUCATION_KINDS.map((k) => [k, k])) as Record<
  EducationKind,
  EducationKind
>;
registerEnumType(EducationKindEnum, {
  name: 'EducationKind',
  description: 'The two education sets of the appointment form: 全日制教育 FULL_TIME, 在职教育 IN_SERVICE.',
  valuesMap: {
    FULL_TIME: { description: 'Full-time education (全日制教育).' },
    IN_SERVICE: { description: 'In-service education (在职教育).' },
  },
});

@ObjectType('CadreEducation', { description: 'One education set of the appointment form (学历学位).' })
export class CadreEducation {
  @Field(() => ID, { description: "The education set's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => EducationKindEnum, { description: 'Full-time (全日制) or in-service (在职).' })
  kind!: EducationKind;
  @Field(() => EducationLevelEnum, { description: 'The education level (学历).' }) level!: EducationLevel;
  @Field(() => String, { nullable: true, description: '学位, e.g. 农学学士.' }) degree!: string | null;
  @Field(() => String, { nullable: true, description: '毕业院校系.' }) school!: string | null;
  @Field(() => String, { nullable: true, description: '专业.' }) major!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Start of study; the résumé lists dated sets.' })
  startDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Graduation.' }) endDate!: string | null;

  static from(e: CadreEducationEntity): CadreEducation {
    const { id, cadreId, kind, level, degree, school, major, startDate, endDate } = e;
    return Object.assign(new CadreEducation(), {
      id,
      cadreId,
      kind,
      level,
      degree,
      school,
      major,
      startDate,
      endDate,
    });
  }
}

@ObjectType('FamilyMember', { description: '家庭主要成员及重要社会关系: one row.' })
export class FamilyMember {
  @Field(() => ID, { description: "The family member's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => Int, { description: 'Order on the form, from 0.' }) position!: number;
  @Field({ description: '称谓, e.g. 妻子, 父亲.' }) relation!: string;
  @Field(() => RelationKindEnum, { description: 'The kind of relation; avoidance reads it.' })
  relationKind!: RelationKind;
  @Field(() => ID, {
    nullable: true,
    description:
      'The relative’s own cadre record, when they are a cadre (avoidance reads the link both ways).',
  })
  relatedCadreId!: string | null;
  @Field({ description: 'Name (姓名).' }) name!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date of birth (出生年月); null when unknown.' })
  birthDate!: string | null;
  @Field(() => String, { nullable: true, description: '政治面貌, e.g. 中共党员.' }) politicalStatus!:
    string | null;
  @Field(() => String, { nullable: true, description: '工作单位及职务.' }) workUnitAndPost!: string | null;

  static from(e: FamilyMemberEntity): FamilyMember {
    const { id, cadreId, position, relation, relationKind, relatedCadreId, name, birthDate } = e;
    const { politicalStatus, workUnitAndPost } = e;
    return Object.assign(new FamilyMember(), {
      id,
      cadreId,
      position,
      relation,
      relationKind,
      relatedCadreId,
      name,
      birthDate,
      politicalStatus,
      workUnitAndPost,
    });
  }
}

@ObjectType('CadrePhoto', {
  description: 'The photo on the appointment form; the picture itself is in the form.',
})
export class CadrePhoto {
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field({ description: 'The media type: image/jpeg or image/png.' }) contentType!: string;
  @Field(() => Int, { description: "The picture's size in bytes (at most 32 KiB)." }) byteSize!: number;
}

@ObjectType('AppointmentProposal', {
  description:
    'One appointment or removal decision being prepared: 拟任职务, 拟免职务 and 任免理由 of the form.',
})
export class AppointmentProposal {
  @Field(() => ID, { description: "The proposal's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => DateScalar, { description: 'The date of the proposal; the form is filled as of this date.' })
  proposedOn!: string;
  @Field(() => String, { nullable: true, description: 'The proposed post (拟任职务).' }) proposedPost!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The posts to be removed (拟免职务).' })
  postsToRemove!: string | null;
  @Field({ description: 'The reason for appointment or removal (任免理由).' }) reason!: string;

  static from(e: AppointmentProposalEntity): AppointmentProposal {
    const { id, cadreId, proposedOn, proposedPost, postsToRemove, reason } = e;
    return Object.assign(new AppointmentProposal(), {
      id,
      cadreId,
      proposedOn,
      proposedPost,
      postsToRemove,
      reason,
    });
  }
}
