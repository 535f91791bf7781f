import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rank quotas (职级职数): how many of a unit's cadres may hold a rank. Optional data: where a unit has a quota for
 * the target rank, a rank candidate list shows how many places are free (the quota less the cadres posted in the
 * unit who hold the rank on the date). The level must be on the RANK ladder (FK on (code, ladder), as rank_grant).
 */
export class CreateRankQuota1764236310000 implements MigrationInterface {
  name = 'CreateRankQuota1764236310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rank_quota (
        unit_id uuid NOT NULL CONSTRAINT rank_quota_unit_fkey REFERENCES unit(id) ON DELETE CASCADE,
        level varchar(32) NOT NULL,
        ladder varchar(16) NOT NULL DEFAULT 'RANK' CONSTRAINT rank_quota_ladder_check CHECK (ladder = 'RANK'),
        places int NOT NULL CONSTRAINT rank_quota_places_check CHECK (places >= 0 AND places <= 100000),
        CONSTRAINT rank_quota_pkey PRIMARY KEY (unit_id, level),
        CONSTRAINT rank_quota_level_fkey FOREIGN KEY (level, ladder) REFERENCES position_level (code, ladder)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rank_quota`);
  }
}
