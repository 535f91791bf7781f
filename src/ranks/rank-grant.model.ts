import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { RankGrantEntity } from './rank-grant.entity';

@ObjectType('RankGrant', {
  description: 'A rank (职级) held from startDate to endDate, beside any leadership post (职务与职级并行).',
})
export class RankGrant {
  @Field(() => ID, { description: "The rank grant's id (UUID)." }) id!: string;
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field({ description: 'A code of the RANK ladder, e.g. PRINCIPAL_STAFF_4.' }) level!: string;
  @Field(() => DateScalar, { description: 'The first day the rank is held.' }) startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The last day held; null while it lasts.' })
  endDate!: string | null;
  @Field(() => String, { nullable: true, description: 'The HR system that keeps it; null: entered here.' })
  source!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The id in the HR system it was synced from; null when recorded here.',
  })
  externalId!: string | null;

  static from(e: RankGrantEntity): RankGrant {
    return Object.assign(new RankGrant(), {
      id: e.id,
      cadreId: e.cadreId,
      level: e.level,
      startDate: e.startDate,
      endDate: e.endDate,
      source: e.source,
      externalId: e.externalId,
    });
  }
}
