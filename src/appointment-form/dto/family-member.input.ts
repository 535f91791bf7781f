import { Field, ID, InputType, Int, PartialType, PickType } from '@nestjs/graphql';
import { Allow, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, MinLength } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { RELATION_KINDS, RelationKind, RelationKindEnum } from '../relation-kind';

const NOT_BLANK = /\S/;

@InputType({
  description:
    'A family member or important social relation (家庭主要成员及重要社会关系) of the appointment form.',
})
export class AddFamilyMemberInput {
  @Field(() => ID, { description: "The cadre's id." })
  @IsUUID('all', { message: 'cadreId must be a cadre id (UUID)' })
  cadreId!: string;

  @Field(() => Int, { nullable: true, description: 'Order on the form, 0–99; default: after the last.' })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0, { message: 'position is between 0 and 99' })
  @Max(99, { message: 'position is between 0 and 99' })
  position?: number;

  @Field({ description: '称谓, e.g. 妻子, 父亲.' })
  @MinLength(1)
  @MaxLength(20, { message: 'relation is at most 20 characters' })
  @Matches(NOT_BLANK, { message: 'relation must not be blank' })
  relation!: string;

  @Field(() => RelationKindEnum, {
    nullable: true,
    description: 'The kind of relation; default: read from the 称谓 (妻子 → SPOUSE …), else OTHER.',
  })
  @IsOptional()
  @IsIn(RELATION_KINDS, { message: 'relationKind is not a known kind of relation' })
  relationKind?: RelationKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The relative’s own cadre record, when they are a cadre; NOT_FOUND when there is none.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'relatedCadreId must be a cadre id (UUID)' })
  relatedCadreId?: string | null;

  @Field({ description: 'Name (姓名).' })
  @MinLength(1)
  @MaxLength(100, { message: 'name is at most 100 characters' })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth (出生年月).' })
  @Allow() // the Date scalar has checked it; Allow keeps it past the whitelist
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: '政治面貌.' })
  @IsOptional()
  @MaxLength(50, { message: 'politicalStatus is at most 50 characters' })
  politicalStatus?: string | null;

  @Field(() => String, { nullable: true, description: '工作单位及职务.' })
  @IsOptional()
  @MaxLength(200, { message: 'workUnitAndPost is at most 200 characters' })
  workUnitAndPost?: string | null;
}

@InputType({ description: 'Only the fields given change; a nullable field given as null is cleared.' })
export class UpdateFamilyMemberInput extends PartialType(
  PickType(AddFamilyMemberInput, [
    'position',
    'relation',
    'relationKind',
    'relatedCadreId',
    'name',
    'birthDate',
    'politicalStatus',
    'workUnitAndPost',
  ] as const),
) {
  @Field(() => ID, { description: "The family member's id (UUID)." })
  @IsUUID('all', { message: 'id must be a family member id (UUID)' })
  id!: string;
}
