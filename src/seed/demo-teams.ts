import { RunSql } from './rows';

/** The areas the demo's county governments govern (unit.area_name), for home-area avoidance. */
const AREAS: readonly [string, string][] = [
  ['YL', '云岭市'],
  ['YL-XS', '雪山县'],
  ['YL-HX', '禾溪县'],
  ['YL-BM', '白马县'],
  ['YL-QH', '青河区'],
];

export const DEMO_TEAM_CASE_NAMES = ['马建国', '马志远'];

/**
 * Teams and avoidance (issue #19), written after the generated cadres so that none of them joins this team:
 * 白马县公安局 (YL-BM-GAJ) is led by 马建国 (局长 since 2019-03-01, a native of 白马县: home-area avoidance for
 * the head of public security) and his nephew 马志远 (副局长 since 2022-07-01: close relatives in one team).
 * Both are men over the township young age: the team misses the WOMEN and YOUNG targets. AVOIDANCE_CONFLICT
 * holds for both on the demo date (2026-11-27).
 */
export async function writeDemoTeams(run: RunSql): Promise<void> {
  await run(
    `UPDATE unit SET area_name = a.name FROM unnest($1::text[], $2::text[]) a(code, name) WHERE unit.code = a.code`,
    [AREAS.map(([code]) => code), AREAS.map(([, name]) => name)],
  );
  const [{ id: unit }] = (await run(
    `INSERT INTO unit (code, name, level, kind, parent_id)
     SELECT 'YL-BM-GAJ', '白马县公安局', 'COUNTY', 'GOVERNMENT', id FROM unit WHERE code = 'YL-BM' RETURNING id`,
    [],
  )) as { id: string }[];
  const cadres = (await run(
    `INSERT INTO cadre (external_id, name, gender, birth_date, ethnicity, native_place, party_join_date,
                        work_start_date, education_level)
     VALUES ('DEMO-AV1', '马建国', 'MALE', '1971-04-12', '汉族', '白马县', '1995-06-01', '1993-07-01', 'BACHELOR'),
            ('DEMO-AV2', '马志远', 'MALE', '1986-10-03', '回族', '白马县', '2010-06-01', '2008-07-01', 'BACHELOR')
     RETURNING id, external_id`,
    [],
  )) as { id: string; external_id: string }[];
  const id = (externalId: string) => cadres.find((c) => c.external_id === externalId)!.id;
  await run(
    `INSERT INTO posting (cadre_id, unit_id, title, level, start_date)
     VALUES ($1, $3, '局长', 'TOWNSHIP_CHIEF', '2019-03-01'), ($2, $3, '副局长', 'TOWNSHIP_DEPUTY', '2022-07-01')`,
    [id('DEMO-AV1'), id('DEMO-AV2'), unit],
  );
  await run(
    `INSERT INTO family_member (cadre_id, position, relation, relation_kind, related_cadre_id, name, birth_date,
                                political_status, work_unit_and_post)
     VALUES ($1, 0, '侄子', 'NEPHEW_NIECE', $2, '马志远', '1986-10-03', '中共党员', '白马县公安局副局长')`,
    [id('DEMO-AV1'), id('DEMO-AV2')],
  );
}
