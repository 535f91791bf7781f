import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { labelledValues } from '../common/graphql/enum-values';
import { Connection } from '../common/graphql/pagination';

@ObjectType('Staffing', {
  description:
    'How many hold a post (or a quota) on a date: REGULAR and CONCURRENT postings naming it that hold on asOf, less those who leave by then (past a must-rotate posting limit).',
})
export class Staffing {
  @Field(() => DateScalar, { description: 'The date the staffing is counted on.' }) asOf!: string;
  @Field(() => Int, { description: 'The approved number (职数).' }) approved!: number;
  @Field(() => Int, { description: 'How many hold it on asOf (在职人数), leavers by then left out.' })
  holders!: number;
  @Field(() => Int, { description: 'Places free (空缺): approved − holders, never below 0.' })
  vacant!: number;
  @Field(() => Int, {
    description:
      'Holders over the number (超职数): holders − approved, never below 0; more holders than the number. Allowed (a quota may be cut before people move), but flagged.',
  })
  excess!: number;
  @Field({ description: 'True when the number is below the holders (excess > 0): the warning to act on.' })
  overQuota!: boolean;
}

@ObjectType('Post', { description: 'A post (职位) of a unit’s leadership, with its approved number (职数).' })
export class Post {
  @Field(() => ID, { description: 'The post’s id.' }) id!: string;
  /** Resolved through the unit loader. */
  unitId!: string;
  @Field({ description: 'The post’s title (职务名称), unique in the unit, e.g. 副县长.' }) title!: string;
  @Field({ description: 'A LEADERSHIP ladder code, e.g. COUNTY_DEPUTY.' }) level!: string;
  @Field({ description: 'A Party post (PROMO_PARTY_AGE applies to candidates).' }) partyPost!: boolean;
  @Field(() => [String], { description: 'Specialty domains the post needs.' }) requiredDomains!: string[];
  @Field(() => [String], { description: 'Specialty domains that count in a candidate’s favour.' })
  preferredDomains!: string[];
  @Field(() => Int, { description: 'The approved number of holders (职数).' }) approvedHolders!: number;
  @Field(() => DateScalar, { nullable: true, description: 'Since when the post exists.' })
  establishedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The HR system the post came from.' })
  source!: string | null;
  @Field(() => String, { nullable: true, description: 'The post’s id in that HR system; unique per source.' })
  externalId!: string | null;
}

@ObjectType('PostQuota', {
  description:
    'The approved number of leaders of one level in a unit (职数), where the unit’s posts are not itemised.',
})
export class PostQuota {
  @Field(() => ID, { description: 'The quota’s id.' }) id!: string;
  unitId!: string;
  @Field({ description: 'The leadership level it counts, a LEADERSHIP ladder code, e.g. TOWNSHIP_DEPUTY.' })
  level!: string;
  @Field(() => Int, { description: 'The approved number of leaders at that level (职数).' }) places!: number;
}

export enum VacancyKind {
  POST = 'POST',
  QUOTA = 'QUOTA',
}
registerEnumType(VacancyKind, {
  name: 'VacancyKind',
  description:
    'POST: an itemised post with fewer holders than its number. QUOTA: a unit’s quota for a level at which it has no itemised post, with fewer holders at that level.',
  valuesMap: labelledValues(Object.values(VacancyKind), 'vacancyKind', {
    POST: 'an itemised post with fewer holders than its approved number.',
    QUOTA: 'a unit’s quota for a level at which it has no itemised post, with fewer holders at that level.',
  }),
});

@ObjectType('Vacancy', { description: 'A post (or quota) with fewer holders than its number on asOf.' })
export class Vacancy {
  @Field(() => VacancyKind, {
    description: 'Whether the vacancy (空缺) is in an itemised post or in a quota.',
  })
  kind!: VacancyKind;
  postId!: string | null;
  /** POST: the post, read with the page. */
  post!: Post | null;
  @Field(() => ID, { nullable: true, description: 'QUOTA: the quota.' }) quotaId!: string | null;
  unitId!: string;
  @Field({ description: 'The leadership level of the post or quota (LEADERSHIP ladder code).' })
  level!: string;
  @Field(() => String, { nullable: true, description: 'POST: the post’s title.' }) title!: string | null;
  @Field(() => [String], { description: 'POST: the domains the post needs.' }) requiredDomains!: string[];
  @Field(() => Int, { description: 'The approved number (职数).' }) approved!: number;
  @Field(() => Int, { description: 'Holders on asOf, leavers by then left out.' }) holders!: number;
  @Field(() => Int, { description: 'Places free (空缺): approved − holders.' }) vacant!: number;
  @Field(() => Int, {
    description:
      'Of those posted on asOf, how many are past a must-rotate posting limit (left out of holders).',
  })
  mustRotate!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day holders last fell below the number (a posting ended, or a holder reached a must-rotate limit); for a post never full, the day it was established; null when unknown.',
  })
  vacantSince!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from vacantSince to asOf.' })
  daysVacant!: number | null;
}

@ObjectType('VacancyConnection', { description: 'A page of vacancies (空缺) on a date.' })
export class VacancyConnection extends Connection(Vacancy) {
  @Field(() => DateScalar, { description: 'The date the vacancies are counted on.' }) asOf!: string;
}
