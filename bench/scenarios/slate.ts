import { Client } from 'pg';
import { promotionList } from '../../src/candidates/sql/promotion.sql';
import { RankingRow, rankingStatement } from '../../src/candidates/sql/ranking-query';
import { MAX_PAGE_SIZE } from '../../src/common/graphql/pagination';
import { SqlParams } from '../../src/common/sql/sql-params';
import { PolicyDocument } from '../../src/policy/policy.types';
import { promoExceptionalOf } from '../../src/rules/promo-exceptional.rule';
import { partyUnitKindsFor } from '../../src/rules/promo-party-age.rule';
import { levelOrder, stepTo } from '../../src/rules/steps';
import { list, text } from '../json';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const FIRST = 20;

const QUERY = `
query Slate($postId: ID!, $asOf: Date) {
  slate(postId: $postId, asOf: $asOf, first: ${FIRST}) {
    candidates { position cadreId stuck exceptional requiredDomainsMatched reasons { code params } blockers { code }
                 candidate { readiness score cadre { id name } } }
  }
}`;

interface PostFacts {
  level: string;
  party_post: boolean;
  required: string[];
  preferred: string[];
  path: string;
}

/**
 * The slate's order over the listed candidates, in SQL: every required domain held (SPECIALIST_STRENGTH on
 * asOf), stuck (a POSTING_LIMIT_EXCEEDED span on asOf and READY_NOW), ready now before soon, preferred domains
 * held, score, id.
 */
const ORDER = `
WITH c AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::boolean[]) AS c(cadre_id, readiness, score, exceptional)),
f AS (
  SELECT c.*,
         coalesce((SELECT array_agg(DISTINCT coalesce(rs.domain, rs.facts ->> 'domain'))::text[] FROM rule_span rs
                    WHERE rs.cadre_id = c.cadre_id AND rs.valid @> $5::date AND rs.code = 'SPECIALIST_STRENGTH'),
                  '{}'::text[]) AS domains,
         EXISTS (SELECT 1 FROM rule_span rs WHERE rs.cadre_id = c.cadre_id AND rs.valid @> $5::date
                    AND rs.code = 'POSTING_LIMIT_EXCEEDED') AS past
    FROM c)
SELECT f.cadre_id, f.exceptional, f.past AND f.readiness = 'READY_NOW' AS stuck
  FROM f
 ORDER BY f.domains @> $6::text[] DESC, f.past AND f.readiness = 'READY_NOW' DESC,
          CASE f.readiness WHEN 'READY_NOW' THEN 0 WHEN 'READY_SOON' THEN 1 ELSE 2 END,
          (SELECT count(*) FROM unnest($7::text[]) d WHERE d = ANY(f.domains)) DESC, f.score DESC, f.cadre_id
 LIMIT ${FIRST}`;

/**
 * A vacant county post's slate (a COUNTY_DEPUTY post of the district that requires a domain, from
 * ensureBenchPosts) as the province's department: candidates from the whole province.
 */
export function slateScenario(ctx: ScenarioContext): Scenario {
  const { fixtures, tokens } = ctx;
  const policy = fixtures.policyDocument as PolicyDocument;
  let post: PostFacts | undefined;
  const rank = async (
    client: Client,
    o: {
      readiness: string[];
      exceptional?: string;
      cadreIds?: string[];
      /** As the service splits a Party post's list (CandidatesService.promotionCandidates). */
      part?: { fromSpans: boolean; kinds?: string[]; except?: boolean };
    },
  ): Promise<RankingRow[]> => {
    const step = post && stepTo(policy, post.level);
    if (!post || !step) return [];
    const p = new SqlParams();
    const asOf = p.add(fixtures.asOf, 'date');
    const domainValue = o.exceptional ?? post.required[0] ?? post.preferred[0];
    const domain = domainValue ? p.add(domainValue, 'text') : undefined;
    const spec = promotionList(
      {
        asOf,
        policy,
        step,
        rootPath: post.path,
        cadreIds: o.cadreIds,
        domain,
        readiness: o.readiness,
        exceptional: o.exceptional && domain ? { domain } : undefined,
        partyPost: o.part?.fromSpans ? undefined : p.add(post.party_post, 'boolean'),
        unitKinds: o.part?.kinds && { kinds: p.add(o.part.kinds, 'text[]'), except: !!o.part.except },
        spansWithin: o.part?.fromSpans ? 12 : undefined,
      },
      p,
    );
    const sql = rankingStatement({
      p,
      asOf,
      root: p.add(post.path, 'ltree'),
      domain,
      policy,
      levelOrder: levelOrder(policy),
      withinMonths: 12,
      spec,
      first: MAX_PAGE_SIZE + 1,
    });
    const { rows } = await client.query<RankingRow>(sql, p.values);
    return rows.filter((r) => r.cadre_id !== null).slice(0, MAX_PAGE_SIZE);
  };
  return {
    name: 'slate-province',
    label: '`slate` of a county post (required domain), province department',
    targets: { p95Ms: LIST_P95_MS },
    requests: fixtures.postId
      ? [
          {
            query: QUERY,
            variables: { postId: fixtures.postId, asOf: fixtures.asOf },
            token: tokens.orgDept(fixtures.province.id),
          },
        ]
      : [],
    keys: (data) =>
      list(data, 'slate', 'candidates').map(
        (c) => `${text(c, 'cadreId')} ${text(c, 'exceptional')} ${text(c, 'stuck')}`,
      ),
    sql: {
      description:
        'the two ranking statements of src/candidates/sql (READY_NOW/SOON; exceptional over the domain’s specialists), then one statement ordering them by spans',
      prepare: `SET jit = off; SET random_page_cost = 1.1; SET work_mem = '32MB'`,
      run: async (client) => {
        if (!post) {
          const { rows } = await client.query<PostFacts>(
            `SELECT pt.level, pt.party_post, pt.required_domains::text[] AS required,
                    pt.preferred_domains::text[] AS preferred, r.path::text AS path
               FROM post pt JOIN unit r ON r.id = $2 WHERE pt.id = $1`,
            [fixtures.postId, fixtures.province.id],
          );
          post = rows[0];
        }
        if (!post) return [];
        // The service's split (the spans installed): the cadres whose unit kind agrees with the post's word on a
        // Party post from the PATHWAY spans, the others on the fly; merged by score.
        const readiness = ['READY_NOW', 'READY_SOON'];
        const kinds = partyUnitKindsFor(policy, post.level);
        const regular = kinds
          ? [
              ...(await rank(client, {
                readiness,
                part: { fromSpans: true, kinds, except: !post.party_post },
              })),
              ...(await rank(client, {
                readiness,
                part: { fromSpans: false, kinds, except: post.party_post },
              })),
            ]
              .sort((a, b) => Number(b.score) - Number(a.score) || (a.cadre_id! < b.cadre_id! ? -1 : 1))
              .slice(0, MAX_PAGE_SIZE)
          : await rank(client, { readiness, part: { fromSpans: true } });
        const domain = post.required[0];
        let exceptional: RankingRow[] = [];
        if (domain && promoExceptionalOf(policy)) {
          const { rows } = await client.query<{ cadre_id: string }>(
            `SELECT DISTINCT cadre_id FROM rule_span WHERE domain = $1 AND rule_id = 'SPECIALIST' AND valid @> $2::date`,
            [domain, fixtures.asOf],
          );
          const ids = rows.map((r) => r.cadre_id);
          if (ids.length)
            exceptional = await rank(client, {
              readiness: ['READY_NOW'],
              exceptional: domain,
              cadreIds: ids,
            });
        }
        const seen = new Set(regular.map((r) => r.cadre_id));
        const listed = [
          ...regular.map((r) => ({ r, exceptional: false })),
          ...exceptional.filter((r) => !seen.has(r.cadre_id)).map((r) => ({ r, exceptional: true })),
        ];
        const { rows } = await client.query<{ cadre_id: string; exceptional: boolean; stuck: boolean }>(
          ORDER,
          [
            listed.map((l) => l.r.cadre_id),
            listed.map((l) => l.r.readiness),
            listed.map((l) => l.r.score),
            listed.map((l) => l.exceptional),
            fixtures.asOf,
            post.required,
            post.preferred,
          ],
        );
        return rows.map((r) => `${r.cadre_id} ${r.exceptional} ${r.stuck}`);
      },
    },
    ...(fixtures.postId ? {} : { skip: 'The benchmark database has no post in the district.' }),
  };
}
