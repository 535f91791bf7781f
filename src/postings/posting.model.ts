import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { labelledValues } from '../common/graphql/enum-values';
import { Unit } from '../units/unit.model';
import { POSTING_KINDS, PostingEntity, PostingKind } from './posting.entity';

export const PostingKindEnum = Object.fromEntries(POSTING_KINDS.map((k) => [k, k])) as Record<
  PostingKind,
  PostingKind
>;
registerEnumType(PostingKindEnum, {
  name: 'PostingKind',
  description:
    'REGULAR postings of one cadre never overlap; a TEMPORARY_ASSIGNMENT (挂职), SECONDMENT (借调) or CONCURRENT (兼任) posting may overlap one. A CONCURRENT post counts as experience (posts held, grassroots time) but not toward the same-post clock of the regular post; one concurrent post (unit and level) is not held twice over the same days.',
  valuesMap: labelledValues(POSTING_KINDS, 'postingKind', {
    REGULAR: "the cadre's own post; regular postings of one cadre never overlap.",
    TEMPORARY_ASSIGNMENT:
      '1–2 years elsewhere while the home unit keeps the person; may overlap a regular posting.',
    SECONDMENT: 'lent to another unit for a task; may overlap a regular posting.',
    CONCURRENT:
      'a second post held alongside the regular one: counts as experience, not toward the same-post clock.',
  }),
});

@ObjectType('Posting', { description: 'A period in a post in a unit (任职).' })
export class Posting {
  @Field(() => ID, { description: "The posting's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  /** Resolved through the unit loader. */
  unitId!: string;
  /** The unit itself, when the postings loader read it with the posting (not a GraphQL field of its own). */
  unit?: Unit;
  @Field({ description: "The post's title as appointed, e.g. 副乡长." }) title!: string;
  @Field({ description: 'A level code from the ladders, e.g. TOWNSHIP_CHIEF or PRINCIPAL_STAFF_2.' })
  level!: string;
  @Field(() => PostingKindEnum, {
    description: 'Regular post, temporary assignment (挂职), secondment (借调) or concurrent post (兼任).',
  })
  kind!: PostingKind;
  @Field(() => DateScalar, { description: 'The first day in post.' }) startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The last day in post; null while it lasts.' })
  endDate!: string | null;
  @Field(() => ID, { nullable: true, description: 'The post (职位) this posting fills, when named.' })
  postId!: string | null;
  @Field(() => String, { nullable: true, description: 'The HR system this posting was imported from.' })
  source!: string | null;
  @Field(() => String, { nullable: true, description: 'The id of this posting in that HR system.' })
  externalId!: string | null;

  static from(e: PostingEntity): Posting {
    return Object.assign(new Posting(), {
      id: e.id,
      cadreId: e.cadreId,
      unitId: e.unitId,
      title: e.title,
      level: e.level,
      kind: e.kind,
      startDate: e.startDate,
      endDate: e.endDate,
      postId: e.postId ?? null,
      source: e.source,
      externalId: e.externalId,
    });
  }
}
