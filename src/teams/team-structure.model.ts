import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/pagination';
import { labelledValues } from '../common/graphql/enum-values';
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
  valuesMap: labelledValues(TEAM_TARGETS, 'teamTarget', {
    WOMEN: 'at least minWomen women.',
    YOUNG: 'at least minYoung young cadres.',
    GRASSROOTS_SHARE: 'at least minGrassrootsShare of the members with grassroots experience.',
  }),
});

@ObjectType('TeamCount', {
  description: 'Members with one value (a code or a name); key null: not recorded.',
})
export class TeamCount {
  @Field(() => String, { nullable: true, description: 'The value counted; null: not recorded.' }) key!:
    string | null;
  @Field(() => Int, { description: 'How many members have it.' }) count!: number;
}

@ObjectType('AgeBandCount', { description: 'Members aged from `from` to `to` (inclusive; null: open).' })
export class AgeBandCount {
  @Field(() => Int, { nullable: true, description: 'The lowest age in the band; null: open.' }) from!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'The highest age in the band; null: open.' }) to!:
    number | null;
  @Field(() => Int, { description: 'How many members are in the band.' }) count!: number;
}

@ObjectType('TeamTarget', {
  description: 'One TEAM_STRUCTURE target: what the policy requires, what the team has.',
})
export class TeamTarget {
  @Field(() => TeamTargetCodeEnum, { description: 'Which target.' }) code!: TeamTargetCode;
  @Field(() => Float, { description: 'A number of members, or a share from 0 to 1 (GRASSROOTS_SHARE).' })
  required!: number;
  @Field(() => Float, { description: 'What the team has, in the same unit as required.' }) actual!: number;
  @Field({ description: 'Whether actual reaches required.' }) met!: boolean;
}

@ObjectType('TeamMember', {
  description: 'A holder of a leadership post in the unit on the date (regular posting).',
})
export class TeamMember {
  @Field(() => ID, { description: 'The member’s cadre id.' }) cadreId!: string;
  @Field({ description: 'The member’s name (members of a team in the jurisdiction are readable).' })
  name!: string;
  @Field(() => ID, { description: 'The regular posting held on the date.' }) postingId!: string;
  @Field({ description: 'The post’s title.' }) title!: string;
  @Field({ description: 'The posting’s level code.' }) level!: string;
  @Field(() => DateScalar, { description: 'The day the posting started.' }) startDate!: string;
  @Field(() => Int, { description: 'Age in whole years on the date.' }) age!: number;
  @Field({ description: 'A gender code.' }) gender!: string;
  @Field({ description: 'Age at most TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) young!: boolean;
  @Field({ description: 'A posting at COUNTY level or below started by the date.' }) grassroots!: boolean;
}

@ObjectType('TeamPost', { description: 'The holders of one post (title and level) in the team.' })
export class TeamPost {
  @Field({ description: 'The post’s title.' }) title!: string;
  @Field({ description: 'The post’s level code.' }) level!: string;
  @Field(() => Int, { description: 'How many hold it on the date.' }) holders!: number;
  @Field(() => [ID], { description: 'The holders’ cadre ids.' }) cadreIds!: string[];
}

/** The counts every team row has, in the table and in detail. */
@ObjectType('TeamSummary', { description: 'One unit’s leadership team on a date, judged by TEAM_STRUCTURE.' })
export class TeamSummary {
  @Field(() => ID, { description: 'The unit’s id.' }) unitId!: string;
  @Field(() => DateScalar, { description: 'The date the team is read on.' }) asOf!: string;
  @Field(() => Int, { description: 'The policy version whose TEAM_STRUCTURE judged it.' })
  policyVersion!: number;
  @Field(() => Int, { description: 'Members: holders of a leadership post in the unit on the date.' })
  holders!: number;
  @Field(() => Int, { description: 'Members who are women.' }) women!: number;
  @Field(() => Int, { description: 'Young members (TEAM_STRUCTURE.youngMaxAgeByLevel).' }) young!: number;
  @Field(() => Int, { description: 'Members with grassroots experience.' }) grassroots!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Average age of the members; null when there are none.',
  })
  averageAge!: number | null;
  @Field(() => [TeamTargetCodeEnum], { description: 'The targets missed; empty when every one is met.' })
  missed!: TeamTargetCode[];
  @Field(() => [TeamTarget], { description: 'Each TEAM_STRUCTURE target, met or not.' })
  targets!: TeamTarget[];
}

@ObjectType('TeamSummaryConnection', { description: 'A page of leadership teams on a date.' })
export class TeamSummaryConnection extends Connection(TeamSummary) {}

@ObjectType('TeamStructure', { description: 'A unit’s leadership team in detail.' })
export class TeamStructure extends TeamSummary {
  @Field(() => [TeamMember], { description: 'Highest level first.' }) members!: TeamMember[];
  @Field(() => [TeamPost], { description: 'The team’s posts with their holders, highest level first.' })
  posts!: TeamPost[];
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
  @Field(() => ID, { description: 'The cadre’s id.' }) cadreId!: string;
  @Field(() => ID, { description: 'The unit of the regular posting held on the date.' }) unitId!: string;
  @Field({ description: 'The post’s title.' }) title!: string;
  @Field({ description: 'The posting’s level code.' }) level!: string;
  @Field(() => DateScalar, { description: 'Date of birth.' }) birthDate!: string;
  @Field(() => Int, { description: 'Age in whole years on the date.' }) age!: number;
  /** The date the pathway is read on. */
  asOf!: string;
}

@ObjectType('YoungCadreConnection', { description: 'A page of young cadres at a level on a date.' })
export class YoungCadreConnection extends Connection(YoungCadre) {
  @Field(() => Int, { description: 'TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) maxAge!: number;
  @Field(() => Int, { description: 'The policy version whose TEAM_STRUCTURE sets the age.' })
  policyVersion!: number;
}
