import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** A row of rank_quota, as the service reads it. */
export interface RankQuotaRow {
  id: string;
  unit_id: string;
  level: string;
  places: number;
}

@ObjectType('RankQuota', {
  description:
    'A unit’s quota (职级职数) for one rank: how many of its cadres may hold it. Optional data; where present, rank candidate lists show the free places.',
})
export class RankQuota {
  @Field(() => ID, { description: 'The quota’s id (UUID).' }) id!: string;
  @Field(() => ID, { description: 'The unit’s id.' }) unitId!: string;
  @Field({ description: 'A code of the RANK ladder.' }) level!: string;
  @Field(() => Int, { description: 'How many of the unit’s cadres may hold the rank.' }) places!: number;

  static from(r: RankQuotaRow): RankQuota {
    return Object.assign(new RankQuota(), { id: r.id, unitId: r.unit_id, level: r.level, places: r.places });
  }
}
