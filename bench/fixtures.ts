import { Client } from 'pg';
import { today } from '../src/common/graphql/date.scalar';
import { encodeCursor } from '../src/common/graphql/pagination';
import { Area, Fixtures } from './scenarios/scenario';
import { ensureBenchPosts } from './scenarios/vacancies';

const ME_CADRES = 100;
const PAGES = 20;

async function area(client: Client, code: string): Promise<Area> {
  const { rows } = await client.query<{ id: string; root: boolean }>(
    `SELECT u.id, u.id = r.id AS root FROM unit u JOIN unit r ON r.code = $1 WHERE u.path <@ r.path`,
    [code],
  );
  const root = rows.find((r) => r.root);
  if (!root) throw new Error(`The synthetic province has no unit ${code}`);
  return { id: root.id, code, unitIds: rows.map((r) => r.id) };
}

/** Looks up what the scenarios need, the same way on every run (no randomness). */
export async function loadFixtures(client: Client): Promise<Fixtures> {
  const asOf = today();
  const { rows: policy } = await client.query<{
    document: { ladders: { steps: { from: string; to: string }[] }[] };
  }>(`SELECT document FROM policy_version WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`, [
    asOf,
  ]);
  if (!policy[0]) throw new Error(`No policy is in force on ${asOf}`);
  const document = policy[0].document;
  const levelOrder = document.ladders.flatMap((l) =>
    l.steps.length ? [l.steps[0].from, ...l.steps.map((s) => s.to)] : [],
  );
  // Spread over the province: ordered by a hash of the id rather than by name or external id.
  const { rows: cadres } = await client.query<{ id: string }>(
    `SELECT c.id FROM cadre c
      WHERE c.status = 'ACTIVE' AND c.external_id LIKE 'SYN-%' AND EXISTS (
        SELECT 1 FROM posting p WHERE p.cadre_id = c.id AND p.kind = 'REGULAR' AND p.period @> $1::date)
      ORDER BY md5(c.id::text) LIMIT $2`,
    [asOf, ME_CADRES],
  );
  const { rows: ends } = await client.query<{ name: string; id: string }>(
    `SELECT name, id FROM (SELECT name, id, row_number() OVER (ORDER BY name, id) AS n FROM cadre) x
      WHERE n % 50 = 0 AND n < $1 ORDER BY n`,
    [50 * PAGES],
  );
  const { rows: domains } = await client.query<{ domain: string }>(
    `SELECT domain FROM rule_span WHERE rule_id = 'SPECIALIST' AND domain IS NOT NULL AND valid @> $1::date
      GROUP BY domain ORDER BY count(*) DESC, domain LIMIT 1`,
    [asOf],
  );
  const specialistDomain = domains[0]?.domain ?? 'CULTURAL_TOURISM';
  const district = await area(client, 'SYN-P01-C01');
  return {
    asOf,
    specialistDomain,
    postId: await ensureBenchPosts(client, asOf, specialistDomain, district.unitIds),
    policyDocument: document,
    levelOrder,
    cadreIds: cadres.map((c) => c.id),
    pageCursors: [undefined, ...ends.map((e) => encodeCursor([e.name, e.id]))],
    province: await area(client, 'SYN'),
    prefecture: await area(client, 'SYN-P01'),
    district,
  };
}
