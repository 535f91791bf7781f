import { list, text } from '../json';
import { pick, Scenario, ScenarioContext } from './scenario';

const QUERY = `
query CadresPage($after: String) {
  cadres(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id externalId name gender birthDate educationLevel status
        postings { id title level kind startDate endDate unit { id code name level } }
        trainings { id title provider kind startDate endDate classHours completed }
      }
    }
  }
}`;

/** The page of 50 cadres after (name, id), each with postings (and their units) and trainings, and the total. */
const SQL = `
WITH page AS (
  SELECT c.id, c.external_id, c.name, c.gender, c.birth_date, c.education_level, c.status
    FROM cadre c
   WHERE $1::text IS NULL OR (c.name, c.id) > ($1::text, $2::uuid)
   ORDER BY c.name, c.id
   LIMIT 51)
SELECT page.*,
       (SELECT count(*) FROM cadre) AS total,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', p.id, 'title', p.title, 'level', p.level, 'kind', p.kind, 'startDate', p.start_date,
                 'endDate', p.end_date,
                 'unit', json_build_object('id', u.id, 'code', u.code, 'name', u.name, 'level', u.level))
               ORDER BY p.start_date, p.id), '[]')
          FROM posting p JOIN unit u ON u.id = p.unit_id WHERE p.cadre_id = page.id) AS postings,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', t.id, 'title', t.title, 'provider', t.provider, 'kind', t.kind, 'startDate', t.start_date,
                 'endDate', t.end_date, 'classHours', t.class_hours, 'completed', t.completed)
               ORDER BY t.start_date, t.id), '[]')
          FROM training t WHERE t.cadre_id = page.id) AS trainings
  FROM page
 ORDER BY page.name, page.id`;

interface Row {
  id: string;
  total: number;
  postings: { id: string }[];
  trainings: { id: string }[];
}

const key = (id: string, postings: string[], trainings: string[]): string =>
  `${id} p:${postings.join(',')} t:${trainings.join(',')}`;

function decodeAfter(cursor: string | undefined): [string | null, string | null] {
  if (!cursor) return [null, null];
  const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  return [name, id];
}

/** `cadres(first: 50)` with postings, units and trainings nested, as ADMIN, over consecutive pages. */
export function cadresPageScenario({ fixtures, tokens }: ScenarioContext): Scenario {
  const token = tokens.admin();
  return {
    name: 'cadres-page',
    label: '`cadres(first: 50)` + postings, units, trainings',
    targets: { sqlRatio: 1.3 },
    requests: fixtures.pageCursors.map((after) => ({ query: QUERY, variables: { after }, token })),
    keys: (data) => [
      `total ${text(data, 'cadres', 'totalCount')}`,
      ...list(data, 'cadres', 'edges').map((e) =>
        key(
          text(e, 'node', 'id'),
          list(e, 'node', 'postings').map((p) => text(p, 'id')),
          list(e, 'node', 'trainings').map((t) => text(t, 'id')),
        ),
      ),
    ],
    sql: {
      description:
        'one statement: the page by (name, id), count(*), postings+units and trainings as json_agg',
      run: async (client, i) => {
        const { rows } = await client.query<Row>(SQL, decodeAfter(pick(fixtures.pageCursors, i)));
        return [
          `total ${rows[0]?.total ?? 0}`,
          ...rows.slice(0, 50).map((r) =>
            key(
              r.id,
              r.postings.map((p) => p.id),
              r.trainings.map((t) => t.id),
            ),
          ),
        ];
      },
    },
  };
}
