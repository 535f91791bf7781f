import { POST_COLUMNS, PostRow } from '../post.rows';
import { slotsSql } from './slots.sql';

export interface VacancyRow {
  slot_id: string;
  kind: string;
  post_id: string | null;
  quota_id: string | null;
  unit_id: string;
  level: string;
  title: string | null;
  required_domains: string[];
  approved: number;
  holders: number;
  must_rotate: number;
  vacant_since: string | null;
  days_vacant: number | null;
  /** The keyset: vacant_since as text, '0000' when unknown (those first). */
  sort_since: string;
  total: number;
  post: PostRow | null;
}

export interface VacanciesSqlInput {
  /** `$n::date` */
  asOf: string;
  /** `$n::ltree`: the jurisdiction's (or the asked unit's) path; none: every unit. */
  rootPath?: string;
  /** The keyset of the previous page's last row. */
  after?: { since: string; slotId: string };
  /** `$n::int`: page size + 1. */
  limit: string;
}

/**
 * The slots (slotsSql) under the root with fewer holders than their number on asOf, longest vacant first (those
 * with no known date first), with the list's total on every row.
 */
export function vacanciesSql(i: VacanciesSqlInput): string {
  const sortSince = `coalesce(v.vacant_since::text, '0000')`;
  return `
    WITH ${slotsSql({ asOf: i.asOf, unitWhere: i.rootPath ? `u.path <@ ${i.rootPath}` : 'true' })},
    vacant AS MATERIALIZED (SELECT * FROM slot_staffing v WHERE v.holders < v.approved)
    SELECT pg.*, (SELECT to_jsonb(x) FROM (SELECT ${POST_COLUMNS} FROM post pt WHERE pt.id = pg.post_id) x) AS post
      FROM (
    SELECT v.slot_id, v.kind, v.post_id, v.quota_id, v.unit_id, v.level, v.title, v.required_domains::text[],
           v.approved, v.holders, v.must_rotate, v.vacant_since::text, ${i.asOf} - v.vacant_since AS days_vacant,
           ${sortSince} AS sort_since, (SELECT count(*)::int FROM vacant) AS total
      FROM vacant v
     WHERE ${i.after ? `(${sortSince}, v.slot_id) > (${i.after.since}, ${i.after.slotId})` : 'true'}
     ORDER BY ${sortSince}, v.slot_id
     LIMIT ${i.limit}) pg
     ORDER BY pg.sort_since, pg.slot_id`;
}
