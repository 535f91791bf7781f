import { EntityManager } from 'typeorm';

export interface NextPosting {
  cadreId: string;
  /** The first day in the new post; the regular posting holding the day before ends that day. */
  effectiveDate: string;
  unitId: string;
  title: string;
  level: string;
  /** The post (职位) the new posting fills, if any. */
  postId?: string | null;
}

/**
 * Moves a cadre into a new regular posting inside the caller's transaction (talent pool PROMOTED decisions,
 * slate APPOINTED decisions): ends the regular posting that holds the day before effectiveDate on that day and
 * records the new one from effectiveDate. The overlap constraint still guards against any later posting on record.
 */
export async function moveToPosting(
  em: EntityManager,
  next: NextPosting,
): Promise<{ postingId: string; endedPostingId: string | null }> {
  const [current]: { id: string }[] = await em.query(
    `SELECT id FROM posting WHERE cadre_id = $1 AND kind = 'REGULAR' AND period @> ($2::date - 1) FOR UPDATE`,
    [next.cadreId, next.effectiveDate],
  );
  if (current) {
    await em.query(`UPDATE posting SET end_date = $2::date - 1, updated_at = now() WHERE id = $1`, [
      current.id,
      next.effectiveDate,
    ]);
  }
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date, post_id)
     VALUES ($1, $2, $3, $4, 'REGULAR', $5, $6) RETURNING id`,
    [next.cadreId, next.unitId, next.title.trim(), next.level, next.effectiveDate, next.postId ?? null],
  );
  return { postingId: id, endedPostingId: current?.id ?? null };
}
