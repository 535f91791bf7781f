import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, encodeCursor, pageInfoOf } from '../common/graphql/pagination';
import { PathwayFacts } from '../rules/facts/pathway-facts';
import { PolicyInForce } from '../policy/policy.service';
import { Candidate, CandidateFacets } from './candidate.model';
import { ExplainContext, ListKind, toCandidate } from './explain';
import { FacetRow, ListSpec, RankingRow, rankingStatement } from './sql/ranking-query';
import { SqlParams } from '../common/sql/sql-params';
import { levelOrder } from '../rules/steps';
import { replicaTransaction } from '../database/replica';
import { AnswerCache } from '../database/answer-cache';

export const DEFAULT_PAGE = 20;
export const DEFAULT_WITHIN_MONTHS = 12;

export interface CandidatePage extends ConnectionShape<Candidate> {
  facets: CandidateFacets;
  asOf: string;
  policyVersion: number;
}

/** What a list query asked for: the date (the cursor's, on later pages) and the keyset position. */
export interface PageRequest {
  asOf: string;
  first: number;
  after?: { score: string; cadreId: string };
}

/** The cursor holds asOf, so a list paged across midnight without an explicit asOf stays one list. */
export function pageRequest(args: { first?: number; after?: string }, asOf?: string): PageRequest {
  const key = decodeCursor(args.after, 3);
  const first = args.first ?? DEFAULT_PAGE;
  if (!key) return { asOf: asOf ?? today(), first };
  const [cursorAsOf, score, cadreId] = key;
  if (!isIsoDate(cursorAsOf) || typeof score !== 'string' || typeof cadreId !== 'string') {
    throw DomainError.badInput('after', errorText('input.cursor'));
  }
  if (asOf && asOf !== cursorAsOf) {
    throw DomainError.badInput('after', errorText('input.cursorAsOf', { cursorAsOf, asOf }));
  }
  return { asOf: cursorAsOf, first, after: { score, cadreId } };
}

export interface RankRequest {
  kind: ListKind;
  page: PageRequest;
  policy: PolicyInForce;
  /** Placeholders already bound in `p`. */
  p: SqlParams;
  asOf: string;
  root?: string;
  domain?: string;
  withinMonths: number;
  spec: ListSpec;
  /** An exceptional (破格) list: the post's domain, so each row is explained under PROMO_EXCEPTIONAL. */
  exceptionalDomain?: string;
  /** The list's word on a Party post (PROMO_PARTY_AGE), for the explanation. */
  partyPost?: boolean;
}

interface Statement {
  sql: string;
  values: unknown[];
}

/** Runs one ranking statement and explains its page rows. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly answers: AnswerCache,
  ) {}

  async rank(r: RankRequest): Promise<CandidatePage> {
    return this.rankParts(r, [r]);
  }

  /**
   * One list ranked in parts, each its own statement over cadres the others do not list (a list partly read from
   * spans, partly evaluated on the fly): the parts' pages merged by (score DESC, cadre_id), their totals summed
   * and their facets added up. `r` gives the page, the policy and the explanation.
   */
  async rankParts(r: RankRequest, parts: readonly RankRequest[]): Promise<CandidatePage> {
    const statements = parts.map((part) => this.statement(part));
    // Kept until the data changes (AnswerCache): the statements and their values, the page and what the
    // explanation reads are all the page depends on.
    const key = {
      statements,
      page: r.page,
      kind: r.kind,
      version: r.policy.version,
      weights: r.spec.weights,
      exceptionalDomain: r.exceptionalDomain,
      partyPost: r.partyPost,
    };
    return this.answers.get('ranking', key, () => this.page(r, statements));
  }

  private async page(r: RankRequest, statements: readonly Statement[]): Promise<CandidatePage> {
    const results = await Promise.all(statements.map((st) => this.run(st.sql, st.values)));
    const nonEmpty = results.filter((rows) => rows.length > 0 && rows[0].total > 0);
    const rows =
      nonEmpty.length > 1 ? await this.merge(nonEmpty, r.page.first + 1) : (nonEmpty[0] ?? results[0]);
    const ctx: ExplainContext = {
      kind: r.kind,
      asOf: r.page.asOf,
      policy: r.policy,
      weights: r.spec.weights,
      exceptionalDomain: r.exceptionalDomain,
      partyPost: r.partyPost,
    };
    const listed = rows.filter((row) => row.cadre_id !== null);
    const edges = listed.slice(0, r.page.first).map((row) => ({
      cursor: encodeCursor([r.page.asOf, row.score, row.cadre_id]),
      node: toCandidate(row, ctx),
    }));
    const head = rows[0];
    return {
      edges,
      pageInfo: pageInfoOf(edges, listed.length, r.page.first, head?.total ?? 0, r.page.after),
      totalCount: head?.total ?? 0,
      facets: {
        byUnit: head?.by_unit ?? [],
        byLevel: head?.by_level ?? [],
        byReadiness: head?.by_readiness ?? [],
      },
      asOf: r.page.asOf,
      policyVersion: r.policy.version,
    };
  }

  private statement(r: RankRequest): Statement {
    const sql = rankingStatement({
      p: r.p,
      asOf: r.asOf,
      root: r.root,
      domain: r.domain,
      policy: r.policy.document,
      levelOrder: levelOrder(r.policy.document),
      withinMonths: r.withinMonths,
      spec: r.spec,
      first: r.page.first + 1,
      after: r.page.after,
    });
    return { sql, values: r.p.values };
  }

  /**
   * The page rows of parts merged (score DESC, cadre_id: uuids order as their text), each row with the parts' total
   * and facets; the facets added up and ordered by the database as one statement orders them (count DESC, key).
   */
  private async merge(
    parts: (RankingRow & PathwayFacts)[][],
    limit: number,
  ): Promise<(RankingRow & PathwayFacts)[]> {
    const page = parts
      .flatMap((rows) => rows.filter((row) => row.cadre_id !== null))
      .sort(
        (a, b) =>
          Number(b.score) - Number(a.score) ||
          (a.cadre_id! < b.cadre_id! ? -1 : a.cadre_id! > b.cadre_id! ? 1 : 0),
      )
      .slice(0, limit);
    const heads = parts.map((rows) => rows[0]);
    const facet = (pick: (row: RankingRow) => FacetRow[]) => JSON.stringify(heads.flatMap(pick));
    const [m]: Pick<RankingRow, 'by_unit' | 'by_level' | 'by_readiness'>[] = await this.ds.query(
      `SELECT ${['by_unit', 'by_level', 'by_readiness']
        .map(
          (
            name,
            i,
          ) => `(SELECT coalesce(jsonb_agg(jsonb_build_object('key', x.key, 'label', x.label, 'count', x.n)
                                      ORDER BY x.n DESC, x.key), '[]')
               FROM (SELECT f.key, max(f.label) AS label, sum(f.count)::int AS n
                       FROM jsonb_to_recordset($${i + 1}::jsonb) AS f(key text, label text, count int)
                      GROUP BY f.key) x) AS ${name}`,
        )
        .join(', ')}`,
      [facet((h) => h.by_unit), facet((h) => h.by_level), facet((h) => h.by_readiness)],
    );
    const totals = { total: heads.reduce((n, h) => n + h.total, 0), ...m };
    return page.map((row) => ({ ...row, ...totals }));
  }

  /**
   * JIT compilation costs seconds on these many-CTE statements and saves nothing; the data they read is
   * cached, so index lookups per candidate beat hashing whole tables (random_page_cost), and the per-cadre
   * aggregates fit in memory (work_mem). All three only for this transaction.
   */
  private async run(sql: string, params: unknown[]): Promise<(RankingRow & PathwayFacts)[]> {
    return replicaTransaction(this.ds, undefined, async (em) => {
      await em.query(
        `SELECT set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true),
                set_config('work_mem', '32MB', true)`,
      );
      const rows: (RankingRow & PathwayFacts)[] = await em.query(sql, params);
      return rows;
    });
  }
}
