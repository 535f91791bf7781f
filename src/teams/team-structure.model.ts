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
    WOMEN: 'at least TEAM_STRUCTURE.minWomen women (女干部) in the team.',
    YOUNG: 'at least TEAM_STRUCTURE.minYoung young cadres (年轻干部) in the team.',
    GRASSROOTS_SHARE:
      'at least TEAM_STRUCTURE.minGrassrootsShare of the members with grassroots (基层) experience.',
  }),
});

@ObjectType('TeamCount', {
  description: 'Members with one value (a code or a name); key null: not recorded.',
})
export class TeamCount {
  @Field(() => String, {
    nullable: true,
    description: 'The value counted (a code or a name); null: not recorded.',
  })
  key!: string | null;
  @Field(() => Int, { description: 'How many members have it.' }) count!: number;
}

@ObjectType('AgeBandCount', { description: 'Members aged from `from` to `to` (inclusive; null: open).' })
export class AgeBandCount {
  @Field(() => Int, { nullable: true, description: 'The lowest age in the band; null: no lower bound.' })
  from!: number | null;
  @Field(() => Int, { nullable: true, description: 'The highest age in the band; null: no upper bound.' })
  to!: number | null;
  @Field(() => Int, { description: 'How many members are in the band.' }) count!: number;
}

@ObjectType('TeamTarget', {
  description: 'One TEAM_STRUCTURE target: what the policy requires, what the team has.',
})
export class TeamTarget {
  @Field(() => TeamTargetCodeEnum, { description: 'Which target.' }) code!: TeamTargetCode;
  @Field(() => Float, { description: 'A number of members, or a share from 0 to 1 (GRASSROOTS_SHARE).' })
  required!: number;
  @Field(() => Float, { description: 'What the team has: a number of members, or a share from 0 to 1.' })
  actual!: number;
  @Field({ description: 'True when actual reaches required.' }) met!: boolean;
}

@ObjectType('TeamMember', {
  description: 'A holder of a leadership post in the unit on the date (regular posting).',
})
export class TeamMember {
  @Field(() => ID, { description: 'The member’s cadre id.' }) cadreId!: string;
  @Field({ description: 'The member’s name (members of a team in the jurisdiction are readable).' })
  name!: string;
  @Field(() => ID, { description: 'The regular posting (任职) that puts the member in the team.' })
  postingId!: string;
  @Field({ description: 'The member’s post title (职务).' }) title!: string;
  @Field({ description: 'The post’s level, a LEADERSHIP ladder code.' }) level!: string;
  @Field(() => DateScalar, { description: 'The first day of that posting.' }) startDate!: string;
  @Field(() => Int, { description: 'Age in whole years on the date.' }) age!: number;
  @Field({ description: 'A gender code (MALE, FEMALE).' }) gender!: string;
  @Field({ description: 'Age at most TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) young!: boolean;
  @Field({ description: 'A posting at COUNTY level or below started by the date.' }) grassroots!: boolean;
}

@ObjectType('TeamPost', { description: 'The holders of one post (title and level) in the team.' })
export class TeamPost {
  @Field({ description: 'The post title (职务).' }) title!: string;
  @Field({ description: 'The post’s level, a LEADERSHIP ladder code.' }) level!: string;
  @Field(() => Int, { description: 'How many hold it on the date.' }) holders!: number;
  @Field(() => [ID], { description: 'The holders’ cadre ids.' }) cadreIds!: string[];
}

/** The counts every team row has, in the table and in detail. */
@ObjectType('TeamSummary', { description: 'One unit’s leadership team on a date, judged by TEAM_STRUCTURE.' })
export class TeamSummary {
  @Field(() => ID, { description: 'The unit whose leadership team (领导班子) this is.' }) unitId!: string;
  @Field(() => DateScalar, { description: 'The date the team is read on.' }) asOf!: string;
  @Field(() => Int, { description: 'The policy version whose TEAM_STRUCTURE judged it.' })
  policyVersion!: number;
  @Field(() => Int, { description: 'Team members: holders of leadership posts in the unit on the date.' })
  holders!: number;
  @Field(() => Int, { description: 'Women members (女干部).' }) women!: number;
  @Field(() => Int, { description: 'Young cadres (年轻干部) among the members.' }) young!: number;
  @Field(() => Int, { description: 'Members with grassroots (基层) experience.' }) grassroots!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The members’ average age; null when the team is empty.',
  })
  averageAge!: number | null;
  @Field(() => [TeamTargetCodeEnum], { description: 'The targets missed; empty when every one is met.' })
  missed!: TeamTargetCode[];
  @Field(() => [TeamTarget], { description: 'Each TEAM_STRUCTURE target, met or not.' })
  targets!: TeamTarget[];
}

@ObjectType('TeamSummaryConnection', { description: 'A page of leadership teams (领导班子).' })
export class TeamSummaryConnection extends Connection(TeamSummary) {}

@ObjectType('TeamStructure', { description: 'A unit’s leadership team in detail.' })
export class TeamStructure extends TeamSummary {
  @Field(() => [TeamMember], { description: 'Highest level first.' }) members!: TeamMember[];
  @Field(() => [TeamPost], { description: 'The team’s posts (职位), with their holders.' })
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
  @Field(() => ID, { description: 'The young cadre’s id.' }) cadreId!: string;
  @Field(() => ID, { description: 'The unit of the cadre’s regular posting.' }) unitId!: string;
  @Field({ description: 'The cadre’s post title (职务).' }) title!: string;
  @Field({ description: 'The cadre’s level, a LEADERSHIP ladder code.' }) level!: string;
  @Field(() => DateScalar, { description: 'The date of birth.' }) birthDate!: string;
  @Field(() => Int, { description: 'Age in whole years on the date.' }) age!: number;
  /** The date the pathway is read on. */
  asOf!: string;
}

@ObjectType('YoungCadreConnection', {
  description: 'A page of young cadres (年轻干部) at a level, youngest first.',
})
export class YoungCadreConnection extends Connection(YoungCadre) {
  @Field(() => Int, { description: 'TEAM_STRUCTURE.youngMaxAgeByLevel of the level.' }) maxAge!: number;
  @Field(() => Int, { description: 'The policy version whose TEAM_STRUCTURE set the age limit.' })
  policyVersion!: number;
}
