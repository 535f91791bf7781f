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
import { ListSpec, RankingRow, rankingStatement } from './sql/ranking-query';
import { SqlParams } from '../common/sql/sql-params';
import { levelOrder } from '../rules/steps';
import { replicaTransaction } from '../database/replica';

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

/** Runs one ranking statement and explains its page rows. */
@Injectable()
export class RankingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async rank(r: RankRequest): Promise<CandidatePage> {
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
    const rows = await this.run(sql, r.p.values);
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
