import { DataSource } from 'typeorm';
import { makeCadre, makePosting } from '../factories';
import { RankingFixture } from './candidates-fixture';

/**
 * Posts on the ranking fixture, judged as of 2026-11-27 (see posts.e2e-spec.ts for the expected vacancies):
 * - countyA 副县长 (COUNTY_DEPUTY, 2 places, needs CULTURAL_TOURISM): Xu since 2016-06-01 (must rotate on
 *   2026-06-01: ten years in one post of a county government) and Yu 2020-01-01 to 2026-03-31.
 * - countyA 县长 (COUNTY_CHIEF, 1 place): Wu since 2024-01-01. Not vacant.
 * - countyB 副县长 (COUNTY_DEPUTY, 1 place, established 2026-01-01): never held.
 * - quotas: a1 TOWNSHIP_CHIEF 1 place (Bo and Dan hold it: over quota); b1 TOWNSHIP_DEPUTY 2 places, nobody.
 */
export interface PostsFixture {
  deputyA: string;
  chiefA: string;
  deputyB: string;
  quotaA1: string;
  quotaB1: string;
  xu: string;
  yu: string;
  wu: string;
}

export async function insertPost(
  ds: DataSource,
  p: {
    unitId: string;
    title: string;
    level: string;
    places: number;
    required?: string[];
    established?: string;
  },
): Promise<string> {
  const [{ id }] = await ds.query<{ id: string }[]>(
    `INSERT INTO post (unit_id, title, level, approved_holders, required_domains, established_on)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.unitId, p.title, p.level, p.places, p.required ?? [], p.established ?? null],
  );
  return id;
}

export async function postsFixture(ds: DataSource, f: RankingFixture): Promise<PostsFixture> {
  const deputyA = await insertPost(ds, {
    unitId: f.countyA,
    title: '副县长',
    level: 'COUNTY_DEPUTY',
    places: 2,
    required: ['CULTURAL_TOURISM'],
    established: '2015-01-01',
  });
  const chiefA = await insertPost(ds, { unitId: f.countyA, title: '县长', level: 'COUNTY_CHIEF', places: 1 });
  const deputyB = await insertPost(ds, {
    unitId: f.countyB,
    title: '副县长',
    level: 'COUNTY_DEPUTY',
    places: 1,
    established: '2026-01-01',
  });
  const holder = async (name: string, postId: string, level: string, startDate: string, endDate?: string) => {
    const c = await makeCadre(ds, { name });
    const p = await makePosting(ds, c.id, f.countyA, { title: name, level, startDate, endDate });
    await ds.query(`UPDATE posting SET post_id = $1 WHERE id = $2`, [postId, p.id]);
    return c.id;
  };
  const xu = await holder('Xu', deputyA, 'COUNTY_DEPUTY', '2016-06-01');
  const yu = await holder('Yu', deputyA, 'COUNTY_DEPUTY', '2020-01-01', '2026-03-31');
  const wu = await holder('Wu', chiefA, 'COUNTY_CHIEF', '2024-01-01');
  const quota = async (unitId: string, level: string, places: number) =>
    (
      await ds.query<{ id: string }[]>(
        `INSERT INTO post_quota (unit_id, level, places) VALUES ($1, $2, $3) RETURNING id`,
        [unitId, level, places],
      )
    )[0].id;
  const quotaA1 = await quota(f.a1, 'TOWNSHIP_CHIEF', 1);
  const quotaB1 = await quota(f.b1, 'TOWNSHIP_DEPUTY', 2);
  return { deputyA, chiefA, deputyB, quotaA1, quotaB1, xu, yu, wu };
}
