import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/pagination';
import { DateScalar } from '../common/graphql/date.scalar';
import { TEAM_TARGETS, TeamTargetCode } from './team-structure.sql';

export const TeamTargetCodeEnum = Object.fromEntries(TEAM_TARGETS.map((c) => [c, c])) as Record<
  TeamTargetCode,
  TeamTargetCode
>;
registerEnumType(TeamTargetCodeEnum, {
  name: 'TeamTargetCode',
  description:
    'TEAM_STRUCTURE targets: WOMEN (at least minWomen), YOUNG (at least minYoung young cadres), GRASSROOTS_SHARE (at least minGrassrootsShare of the members with grassroots experience).',
});

@ObjectType('TeamCount', {
  description: 'Members with one value (a code or a name); key null: not recorded.',
})
export class TeamCount {
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('AgeBandCount', { description: 'Members aged from `from` to `to` (inclusive; null: open).' })
export class AgeBandCount {
  @Field(() => Int, { nullable: true }) from!: number | null;
  @Field(() => Int, { nullable: true }) to!: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType('TeamTarget', {
  description: 'One TEAM_STRUCTURE target: what the policy requires, what the team has.',
})
export class TeamTarget {
  @Field(() => TeamTargetCodeEnum) code!: TeamTargetCode;
  @Field(() => Float, { description: 'A number of members, or a share from 0 to 1 (GRASSROOTS_SHARE).' })
  required!: number;
  @Field(() => Float) actual!: number;
  @Field() met!: boolean;
}

@ObjectType('TeamMember', {
  description: 'A holder of a leadership post in the unit on the date (regular posting).',
})
export class TeamMember {
  @Field(() => ID) cadreId!: string;
  @Field({ description: 'The member’s name (members of a team in the jurisdiction are readable).' })
  name!: string;
  @Field(() => ID) postingId!: string;
  @Field() title!: string;
  @Field() level!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => Int) age!: number;
  @Field() gender!: string;
  @Field({ description: 'Age at most TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) young!: boolean;
  @Field({ description: 'A posting at COUNTY level or below started by the date.' }) grassroots!: boolean;
}

@ObjectType('TeamPost', { description: 'The holders of one post (title and level) in the team.' })
export class TeamPost {
  @Field() title!: string;
  @Field() level!: string;
  @Field(() => Int) holders!: number;
  @Field(() => [ID]) cadreIds!: string[];
}

/** The counts every team row has, in the table and in detail. */
@ObjectType('TeamSummary', { description: 'One unit’s leadership team on a date, judged by TEAM_STRUCTURE.' })
export class TeamSummary {
  @Field(() => ID) unitId!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int, { description: 'The policy version whose TEAM_STRUCTURE judged it.' })
  policyVersion!: number;
  @Field(() => Int) holders!: number;
  @Field(() => Int) women!: number;
  @Field(() => Int) young!: number;
  @Field(() => Int) grassroots!: number;
  @Field(() => Float, { nullable: true }) averageAge!: number | null;
  @Field(() => [TeamTargetCodeEnum], { description: 'The targets missed; empty when every one is met.' })
  missed!: TeamTargetCode[];
  @Field(() => [TeamTarget]) targets!: TeamTarget[];
}

@ObjectType('TeamSummaryConnection')
export class TeamSummaryConnection extends Connection(TeamSummary) {}

@ObjectType('TeamStructure', { description: 'A unit’s leadership team in detail.' })
export class TeamStructure extends TeamSummary {
  @Field(() => [TeamMember], { description: 'Highest level first.' }) members!: TeamMember[];
  @Field(() => [TeamPost]) posts!: TeamPost[];
  @Field(() => [TeamCount], { description: 'By gender code.' }) genders!: TeamCount[];
  @Field(() => [TeamCount], { description: 'By ethnicity as recorded.' }) ethnicities!: TeamCount[];
  @Field(() => [TeamCount], { description: 'By education level code.' }) educationLevels!: TeamCount[];
  @Field(() => [TeamCount], {
    description: 'By specialty field: the domains in which members hold SPECIALIST_STRENGTH on the date.',
  })
  fields!: TeamCount[];
  @Field(() => [AgeBandCount], { description: 'By TEAM_STRUCTURE.ageBands.' }) ageBands!: AgeBandCount[];
}

@ObjectType('YoungCadre', {
  description: 'A young cadre at a level, with the pathway on the date (Cadre.pathways).',
})
export class YoungCadre {
  @Field(() => ID) cadreId!: string;
  @Field(() => ID) unitId!: string;
  @Field() title!: string;
  @Field() level!: string;
  @Field(() => DateScalar) birthDate!: string;
  @Field(() => Int) age!: number;
  /** The date the pathway is read on. */
  asOf!: string;
}

@ObjectType('YoungCadreConnection')
export class YoungCadreConnection extends Connection(YoungCadre) {
  @Field(() => Int, { description: 'TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) maxAge!: number;
  @Field(() => Int) policyVersion!: number;
}
