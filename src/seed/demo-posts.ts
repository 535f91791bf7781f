import { slotsSql } from '../posts/sql/slots.sql';
import { RunSql } from './rows';

/** The demo's date: its vacancies are as of this day (DOMAIN.md's example cases are judged on it too). */
export const DEMO_POSTS_AS_OF = '2026-11-27';

/**
 * Posts (职位) and quotas (职数) for the 云岭市 demo (issue 19), written after the cadres:
 * - 雪山县人民政府 副县长 (COUNTY_DEPUTY, 1 place): held by example case 1 (DEMO-001), her posting names it.
 * - 白马县人民政府 副县长（分管文化旅游）(COUNTY_DEPUTY, 1 place, requires CULTURAL_TOURISM), established
 *   2026-01-01 and not yet filled: the first vacancy; its slate puts example case 2 (kept too long) first.
 * - 禾溪县人民政府 副县长（分管农业农村）(COUNTY_DEPUTY, 1 place, prefers RURAL_REVITALIZATION and
 *   AGRICULTURE_MARKETING), established 2025-07-01, vacant: the second.
 * - Every township and sub-district: a quota for TOWNSHIP_CHIEF and TOWNSHIP_DEPUTY equal to its holders on
 *   DEMO_POSTS_AS_OF as vacancies count them (none where nobody holds it), so the quotas show staffing without adding vacancies.
 */
export async function writeDemoPosts(run: RunSql): Promise<void> {
  await run(
    `INSERT INTO post (unit_id, title, level, party_post, required_domains, preferred_domains, approved_holders,
                       established_on)
     SELECT u.id, v.title, 'COUNTY_DEPUTY', false, v.required::varchar[], v.preferred::varchar[], 1, v.established::date
       FROM (VALUES ('YL-XS', '副县长', '{}', '{}', '2015-01-01'),
                    ('YL-BM', '副县长（分管文化旅游）', '{CULTURAL_TOURISM}', '{}', '2026-01-01'),
                    ('YL-HX', '副县长（分管农业农村）', '{}', '{RURAL_REVITALIZATION,AGRICULTURE_MARKETING}',
                     '2025-07-01')) AS v(unit, title, required, preferred, established)
       JOIN unit u ON u.code = v.unit`,
    [],
  );
  await run(
    `UPDATE posting ps SET post_id = pt.id
       FROM cadre c, unit u, post pt
      WHERE c.external_id = 'DEMO-001' AND ps.cadre_id = c.id AND ps.unit_id = u.id AND u.code = 'YL-XS'
        AND ps.level = 'COUNTY_DEPUTY' AND ps.end_date IS NULL AND pt.unit_id = u.id AND pt.title = '副县长'`,
    [],
  );
  await run(
    `INSERT INTO post_quota (unit_id, level, places)
     SELECT u.id, l.level, 1
       FROM unit u CROSS JOIN (VALUES ('TOWNSHIP_CHIEF'), ('TOWNSHIP_DEPUTY')) AS l(level)
      WHERE u.level = 'TOWNSHIP'`,
    [],
  );
  // The holders as vacancies count them (slotsSql: a holder past a must-rotate limit has left).
  await run(
    `WITH ${slotsSql({ asOf: '$1::date', unitWhere: `u.level = 'TOWNSHIP'` })}
     UPDATE post_quota q SET places = s.holders FROM slot_staffing s WHERE s.quota_id = q.id`,
    [DEMO_POSTS_AS_OF],
  );
  await run(`DELETE FROM post_quota WHERE places = 0`, []);
}
