import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { PolicyDocument } from '../policy/policy.types';
import { PathwayFacts } from '../rules/facts/pathway-facts';
import { PathwayScope, queryPathwayFacts } from '../rules/facts/pathway-facts.sql';
import { evaluatePathway, PathwayResult } from '../rules/pathway';
import { EligibleCadre } from '../rules/promotion-eligible';
import { lowestRankByPost } from '../rules/rank-from-post.rule';
import { levelOrder } from '../rules/steps';
import { readyNowSql } from '../rules/readiness.sql';
import { PathwaySpanCoverage, readyNowFromSpansSql } from '../rules/spans/pathway-spans.sql';
import { SqlParams } from '../common/sql/sql-params';
import { PostingLimit, queryPostingLimits } from './posting-limits.sql';

/** Which ladder a pathway is read on: the current posting's, or the rank held beside it. */
export type PathwayLadder = 'POST' | 'RANK';

export interface PathwayEvaluation extends PathwayResult {
  policyVersion: number;
  /** LEVEL_TOTAL_LIMIT and TOWNSHIP_MIN_SERVICE: what they bar, and from or until when, with the rule's source. */
  postingLimits: (PostingLimit & { source: string })[];
}

@Injectable()
export class PathwayService {
  /**
   * Facts reads in flight, by date, scope and ladder: `me { flags pathway }` asks for the same cadre's facts twice
   * at once (Cadre.pathway, and the PROMOTION_ELIGIBLE flag); the second joins the first instead of planning the
   * statement again (planning is most of its cost). Entries leave as soon as the read settles: nothing is cached.
   */
  private readonly inflight = new Map<string, Promise<PathwayFacts[]>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {}

  private facts(
    asOf: string,
    scope: PathwayScope,
    levels: string[],
    rankLowestByPost?: Record<string, string>,
  ): Promise<PathwayFacts[]> {
    const key = JSON.stringify([
      asOf,
      scope.unitId ?? null,
      scope.cadreIds ? [...scope.cadreIds].sort() : null,
      levels,
      rankLowestByPost ?? null,
    ]);
    let read = this.inflight.get(key);
    if (!read) {
      read = queryPathwayFacts(this.ds, asOf, scope, levels, rankLowestByPost).finally(() =>
        this.inflight.delete(key),
      );
      this.inflight.set(key, read);
    }
    return read;
  }

  /**
   * Pathways of several cadres on one date, with one policy read and one facts query. `POST`: the ladder of the
   * current regular posting (Cadre.pathway); `RANK`: the cadre's rank (grant, rank posting, or the post's
   * correspondence under RANK_FROM_POST), whatever post they hold (职务与职级并行).
   */
  async pathways(
    cadreIds: readonly string[],
    asOf: string,
    ladder: PathwayLadder = 'POST',
  ): Promise<Map<string, PathwayEvaluation>> {
    const policy = await this.policies.forDate(asOf);
    const lowest = ladder === 'RANK' ? lowestRankByPost(policy.document) : undefined;
    const [facts, limits] = await Promise.all([
      this.facts(asOf, { cadreIds: [...cadreIds] }, levelOrder(policy.document), lowest),
      queryPostingLimits(this.ds, cadreIds, asOf, policy.document),
    ]);
    const byCadre = new Map<string, PathwayEvaluation['postingLimits']>();
    for (const l of limits) {
      const list = byCadre.get(l.cadreId) ?? [];
      list.push({ ...l, source: policy.document.rules[l.rule].source });
      byCadre.set(l.cadreId, list);
    }
    return new Map(
      facts.map((f) => [
        f.cadreId,
        {
          ...evaluatePathway(f, policy.document, asOf),
          policyVersion: policy.version,
          postingLimits: byCadre.get(f.cadreId) ?? [],
        },
      ]),
    );
  }

  /** Policy versions the installed PATHWAY spans cover. */
  private readonly spans = new PathwaySpanCoverage((sql) => this.ds.query(sql));

  /**
   * Which of the given cadres meet every requirement for their next level on asOf (READY_NOW), as ids. Under a
   * policy version the PATHWAY spans cover, a leadership step's readiness is read from the span holding on asOf
   * (readyNowFromSpansSql: an index lookup per cadre); the others (another ladder, or a version published since
   * the spans were installed) are decided in one statement (readyNowSql, held to evaluatePathway by the parity
   * spec) that returns only their ids. For lists that match thousands of cadres on PROMOTION_ELIGIBLE;
   * eligibleCadres gives the flag itself.
   */
  async eligibleIds(asOf: string, policy: PolicyInForce, cadreIds: readonly string[]): Promise<string[]> {
    if (cadreIds.length === 0 || !(await this.spans.covers(policy.version))) {
      return this.readyNowOnTheFly(asOf, policy.document, cadreIds);
    }
    const p = new SqlParams();
    const rows: { cadre_id: string; ready: boolean }[] = await this.ds.query(
      readyNowFromSpansSql(p.add(asOf, 'date'), p.add(cadreIds, 'uuid[]')),
      p.values,
    );
    const ready = rows.flatMap((r) => (r.ready ? [r.cadre_id] : []));
    const rest = rows.flatMap((r) => (r.ready ? [] : [r.cadre_id]));
    return [...ready, ...(await this.readyNowOnTheFly(asOf, policy.document, rest))];
  }

  /** READY_NOW of the given cadres on asOf from their pathway facts, in one statement (readyNowSql). */
  private async readyNowOnTheFly(
    asOf: string,
    policy: PolicyDocument,
    cadreIds: readonly string[],
  ): Promise<string[]> {
    if (cadreIds.length === 0) return [];
    const p = new SqlParams();
    const at = p.add(asOf, 'date');
    const sql = readyNowSql(p, at, policy, p.add(cadreIds, 'uuid[]'));
    const rows = await this.ds.transaction(async (em) => {
      // As queryPathwayFacts: JIT compiling this statement costs more than running it.
      await em.query(`SET LOCAL jit = off`);
      const found: { cadre_id: string }[] = await em.query(sql, p.values);
      return found;
    });
    return rows.map((r) => r.cadre_id);
  }

  /**
   * Who meets every requirement for their next level on asOf (the PROMOTION_ELIGIBLE flag). The facts
   * come from one set-based query; the named rules then run over its rows.
   */
  async eligibleCadres(asOf: string, policy: PolicyDocument, scope: PathwayScope): Promise<EligibleCadre[]> {
    const facts = await this.facts(asOf, scope, levelOrder(policy));
    return facts.flatMap((f) => {
      const p = evaluatePathway(f, policy, asOf);
      return p.eligible && p.currentLevel && p.nextLevel
        ? [{ cadreId: f.cadreId, currentLevel: p.currentLevel, nextLevel: p.nextLevel }]
        : [];
    });
  }
}
