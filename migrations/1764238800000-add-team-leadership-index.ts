import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team structures (src/teams/team-structure.sql.ts): the leadership teams on a date are the regular postings at a
 * leadership level that started by then and have not ended. Bounded by level and end (open postings last), and
 * holding what the teams read, they are one index-only range for the whole province, instead of a scan of every
 * posting.
 */
export class AddTeamLeadershipIndex1764238800000 implements MigrationInterface {
  name = 'AddTeamLeadershipIndex1764238800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX posting_regular_level_until_idx ON posting (level, (coalesce(end_date, 'infinity'::date)))
        INCLUDE (start_date, end_date, unit_id, cadre_id) WHERE kind = 'REGULAR'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS posting_regular_level_until_idx`);
  }
}
