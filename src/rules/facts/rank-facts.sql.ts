/** Placeholders and expressions the current-rank SQL is written against. */
export interface CurrentRankSql {
  /** `$n::date` */
  asOf: string;
  /** `$n::jsonb`: leadership level → its lowest corresponding rank (lowestRankByPost, RANK_FROM_POST). */
  lowestByPost: string;
  /** The cadre's id. */
  cadre: string;
  /** The level of the cadre's current regular posting (text, NULL without one), its level run's start, and
   * the start of the latest stint at that level (the last promotion). */
  postLevel: string;
  postStart: string;
  postEntered: string;
}

/**
 * The cadre's rank on asOf (职务与职级并行), one row or none, for a LATERAL join: `level, level_start,
 * last_promotion_date, rank_from_post`. The rank is the rank grant covering asOf, else the level of a regular
 * posting on the RANK ladder, else the lowest rank corresponding to the leadership post (RANK_FROM_POST). When
 * the post corresponds to that rank (rank_from_post: the post's level), time in the post counts as time at the
 * rank: level_start is the earlier of the two starts. Candidate lists (who holds the rank below the target) and
 * the rank pathway facts both read it, so the two cannot disagree.
 */
export function currentRankSql(o: CurrentRankSql): string {
  return `
    SELECT x.level,
           CASE WHEN x.rank_from_post IS NOT NULL THEN least(x.start, ${o.postStart}) ELSE x.start END AS level_start,
           x.entered AS last_promotion_date, x.rank_from_post
      FROM (SELECT r.level, r.start, r.entered,
                   CASE WHEN ${o.lowestByPost} ->> ${o.postLevel} = r.level THEN ${o.postLevel} END AS rank_from_post
              FROM (SELECT coalesce(g.level::text, CASE WHEN pl.ladder = 'RANK' THEN pl.code::text END,
                                    ${o.lowestByPost} ->> pl.code::text) AS level,
                           CASE WHEN g.level IS NOT NULL THEN g.start_date ELSE ${o.postStart} END AS start,
                           CASE WHEN g.level IS NOT NULL THEN g.start_date ELSE ${o.postEntered} END AS entered
                      FROM (SELECT 1) one
                      LEFT JOIN rank_grant g ON g.cadre_id = ${o.cadre} AND g.period @> ${o.asOf}
                      LEFT JOIN position_level pl ON pl.code = ${o.postLevel}) r) x
     WHERE x.level IS NOT NULL`;
}
