import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { queryWithGenericPlan } from '../database/generic-plan';
import { ConnectionShape, decodeCursor, PageArgs, toConnection } from '../common/graphql/pagination';
import { AccessService } from '../auth/access.service';
import { PathwayScope } from '../rules/facts/pathway-facts.sql';
import { PathwayService } from '../pathway/pathway.service';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { FlaggedCadresArgs, FlaggedCadresFilter } from './dto/flags.args';
import { compareFlags, Flag, FlagCode, FlagRow, Severity } from './flag.model';
import { severityRankSql } from '../rules/codes';
import { FlaggedCadre } from './flagged-cadre.model';
import { buildFlagsQuery, FlagMatch, matchCodes, matchHaving, subtreeScope } from '../rules/flags.sql';
import { CadreScope, SMALL_SUBTREE_UNITS } from '../rules/sql/scope.sql';
import { promotionFlag } from '../rules/promotion-eligible';
import { queryReplica, replicaTransaction } from '../database/replica';
import { SqlParams } from '../common/sql/sql-params';
import { AnswerCache } from '../database/answer-cache';

interface SqlFlag {
  cadre_id: string;
  code: FlagCode;
  severity: Severity;
  rule_id: string;
  source: string;
  message: string;
  facts: Record<string, unknown>;
  over_by: number;
}

const fromSql = (r: SqlFlag): FlagRow => ({
  cadreId: r.cadre_id,
  code: r.code,
  severity: r.severity,
  ruleId: r.rule_id,
  source: r.source,
  message: r.message,
  facts: r.facts,
  overBy: r.over_by,
});

const toSql = (r: FlagRow): SqlFlag => ({
  cadre_id: r.cadreId,
  code: r.code,
  severity: r.severity,
  rule_id: r.ruleId,
  source: r.source,
  message: r.message,
  facts: r.facts,
  over_by: r.overBy,
});

const DEFAULT_PAGE = 20;

/** A PROMOTION_ELIGIBLE row for matching, counting and ordering only (see FlagsService.promotionRows). */
const LIGHT_PROMOTION: Omit<SqlFlag, 'cadre_id'> = {
  code: FlagCode.PROMOTION_ELIGIBLE,
  severity: Severity.INFO,
  rule_id: 'PATHWAY',
  source: '',
  message: '',
  facts: {},
  over_by: 0,
};
const EVERY_CODE: FlagMatch = { allOf: [], anyOf: [] };

/** allOf and anyOf of a filter; `codes` is anyOf under its old name. */
function matchOf(f: FlaggedCadresFilter): FlagMatch {
  if (f.codes?.length && f.anyOf?.length) {
    throw DomainError.badInput('filter.anyOf', errorText('input.anyOfOrCodes'));
  }
  return { allOf: f.allOf ?? [], anyOf: f.anyOf ?? f.codes ?? [] };
}

/** A matching cadre as lists order them: worst severity first (negated rank), then most days past, then id. */
interface MatchRow {
  cadre_id: string;
  worst: number;
  over_by: number;
}

/** `per AS (…)`: the rows of `flags` grouped by cadre (MatchRow), those that match. */
const perCadre = (p: SqlParams, match: FlagMatch): string => `
         per AS (
           SELECT cadre_id, -max(${severityRankSql('severity')}) AS worst, max(over_by) AS over_by
             FROM flags GROUP BY cadre_id ${matchHaving(p, match)})`;

/**
 * The page after the cursor `after` (worst, days past, id) of matching cadres known already, as the list's
 * statement gives it: up to first + 1 rows in order, each with the total; one row of nulls when the page is empty.
 */
function pageOf(
  rows: readonly MatchRow[],
  after: readonly (string | number | null)[] | undefined,
  first: number,
): { cadre_id: string | null; worst: number; over_by: number; total: number }[] {
  const key = (r: MatchRow): [number, number, string] => [r.worst, -r.over_by, r.cadre_id];
  const cmp = (a: [number, number, string], b: [number, number, string]) =>
    a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
  const from = after && ([Number(after[0]), -Number(after[1]), String(after[2])] as [number, number, string]);
  const page = rows
    .filter((r) => !from || cmp(key(r), from) > 0)
    .sort((a, b) => cmp(key(a), key(b)))
    .slice(0, first + 1)
    .map((r) => ({ ...r, total: rows.length }));
  return page.length ? page : [{ cadre_id: null, worst: 0, over_by: 0, total: rows.length }];
}

/**
 * Flags are read in PostgreSQL as one set-based statement per request (src/rules/flags.sql.ts): every flag rule
 * from its spans (rule_span, kept current on write) but PROMOTION_ELIGIBLE, which the pathway computes.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyService,
    private readonly pathway: PathwayService,
    private readonly access: AccessService,
    private readonly answers: AnswerCache,
  ) {}

  /**
   * PROMOTION_ELIGIBLE flags of a scope, as SQL rows; none when the match leaves the code out. The one place
   * that knows PROMOTION_ELIGIBLE is computed by the pathway rather than read from rule_span. When the match
   * also needs other codes (allOf), only the cadres holding them are evaluated: "past the limit and ready"
   * evaluates the few thousand past the limit, not the whole province, and in SQL (PathwayService.eligibleIds,
   * READY_NOW; a leadership step's from the PATHWAY spans): the rows are `light` (no message, no facts; fullPromotionRows gives a page's in full), and
   * `narrowed` is the scope of the cadres that can still match (the eligible ones, all of them in the scope),
   * so the statement that matches, counts and pages does not evaluate the other codes over the scope again.
   */
  private async promotionRows(
    asOf: string,
    policy: PolicyInForce,
    match: FlagMatch,
    scope: { cadreIds: readonly string[] } | { unitId?: string; cadreScope: CadreScope; domain?: string },
  ): Promise<{ rows: SqlFlag[]; light?: boolean; narrowed?: CadreScope; held?: MatchRow[] }> {
    const codes = matchCodes(match);
    if (codes && !codes.includes(FlagCode.PROMOTION_ELIGIBLE)) return { rows: [] };
    let pathwayScope: PathwayScope;
    const others = match.allOf.filter((c) => c !== FlagCode.PROMOTION_ELIGIBLE);
    if ('cadreIds' in scope) pathwayScope = { cadreIds: [...scope.cadreIds] };
    else if (others.length && others.length < match.allOf.length) {
      const holding = { allOf: others, anyOf: [] };
      const holders = await this.rowsMatching(asOf, policy, scope.cadreScope, holding, [], scope.domain);
      const eligible = await this.pathway.eligibleIds(
        asOf,
        policy,
        holders.map((r) => r.cadre_id),
      );
      const rows = eligible.map((cadreId) => ({ ...LIGHT_PROMOTION, cadre_id: cadreId }));
      // PROMOTION_ELIGIBLE is INFO with no days past: an eligible holder's worst is that of its other codes.
      const ok = new Set(eligible);
      const held = holders.flatMap((r) =>
        ok.has(r.cadre_id) ? [{ ...r, over_by: Math.max(r.over_by, 0) }] : [],
      );
      // The holders were found in the scope on asOf, so the eligible among them are taken as they are.
      return { rows, light: true, narrowed: { cadreIds: eligible }, held };
    } else pathwayScope = { unitId: scope.unitId };
    return this.fullPromotionRows(asOf, policy, pathwayScope);
  }

  /** PROMOTION_ELIGIBLE flags in full (message, facts) of a pathway scope: evaluatePathway over their facts. */
  private async fullPromotionRows(
    asOf: string,
    policy: PolicyInForce,
    scope: PathwayScope,
  ): Promise<{ rows: SqlFlag[] }> {
    const eligible = await this.pathway.eligibleCadres(asOf, policy.document, scope);
    return { rows: eligible.map((e) => toSql(promotionFlag(e, policy.document))) };
  }

  /**
   * The cadres of a scope matching on asOf, each with its worst severity (negated rank) and most days past: one
   * statement over their spans and `extraRows`.
   */
  private async rowsMatching(
    asOf: string,
    policy: PolicyInForce,
    scope: CadreScope,
    match: FlagMatch,
    extraRows: readonly SqlFlag[],
    domain?: string,
  ): Promise<MatchRow[]> {
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy: policy.document,
      scope,
      codes: matchCodes(match),
      domain,
      extraRows,
      light: true,
      fromSpans: true,
    });
    return this.ds.query(`${withSql}, ${perCadre(params, match)} SELECT * FROM per`, params.values);
  }

  /** Every flag of each cadre, worst first: SQL rules plus registered sources. Backs the Cadre.flags loader. */
  async forCadres(
    cadreIds: readonly string[],
    asOf: string,
    asOfRecorded = asOf,
  ): Promise<{ policyVersion: number; flags: FlagRow[][] }> {
    const policy = await this.policies.forDate(asOf);
    const { rows: promotion } = await this.promotionRows(asOf, policy, EVERY_CODE, { cadreIds });
    const flags = await this.ds.transaction((em) =>
      this.flagsOf(em, asOf, policy, cadreIds, { asOfRecorded }, promotion),
    );
    return { policyVersion: policy.version, flags: cadreIds.map((id) => flags.get(id) ?? []) };
  }

  /**
   * The flags of given cadres, worst first for each, read in the caller's transaction. One statement about a
   * few given cadres, so the same plan fits every call: it runs with a generic plan (see generic-plan.ts).
   * `promotion` holds the PROMOTION_ELIGIBLE rows already computed; those of other cadres are left out.
   */
  private async flagsOf(
    em: EntityManager,
    asOf: string,
    policy: PolicyInForce,
    cadreIds: readonly string[],
    filter: { codes?: FlagCode[]; domain?: string; asOfRecorded?: string },
    promotion: readonly SqlFlag[],
  ): Promise<Map<string, FlagRow[]>> {
    const ids = new Set(cadreIds);
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy: policy.document,
      scope: { cadreIds: [...ids] },
      fromSpans: true,
      ...filter,
      extraRows: promotion.filter((r) => ids.has(r.cadre_id)),
    });
    const rows = await queryWithGenericPlan<SqlFlag>(em, `${withSql} SELECT * FROM flags`, params.values);
    const byCadre = new Map<string, FlagRow[]>();
    for (const r of rows) {
      const list = byCadre.get(r.cadre_id);
      if (list) list.push(fromSql(r));
      else byCadre.set(r.cadre_id, [fromSql(r)]);
    }
    for (const list of byCadre.values()) list.sort(compareFlags);
    return byCadre;
  }

  /**
   * Cadres with matching flags, worst severity first, then furthest past a limit, then id; keyset pages.
   * Two statements in one snapshot: the first evaluates the scope's flags without their messages and facts
   * (a province has thousands of flagged cadres) and groups, matches, orders, counts and pages them; the second
   * evaluates the page's cadres in full.
   */
  async flaggedCadres(caller: Caller, args: FlaggedCadresArgs): Promise<ConnectionShape<FlaggedCadre>> {
    const f = args.filter ?? {};
    const match = matchOf(f);
    await this.checkFilter(f.unitId, f.domain);
    const unitId = await this.access.jurisdictionRoot(caller, f.unitId);
    const asOf = f.asOf ?? today();
    const q = { asOf, unitId, match, domain: f.domain, asOfRecorded: f.asOfRecorded };
    const page = { first: args.first, after: args.after };
    return this.answers.get('flaggedCadres', { ...q, ...page }, async () => {
      const scope: CadreScope = unitId ? await this.subtreeScope(unitId) : {};
      return this.list({ ...q, scope }, page);
    });
  }

  /**
   * The matching cadres of one unit: of its subtree, or with `own` of the unit itself (posted there, not
   * beneath). For a caller already checked against the unit (the stuckTalent report's rows).
   */
  async flaggedInUnit(
    unitId: string,
    own: boolean,
    asOf: string,
    match: FlagMatch,
    page: PageArgs,
  ): Promise<ConnectionShape<FlaggedCadre>> {
    const key = { unitId, own, asOf, match, first: page.first, after: page.after };
    return this.answers.get('flaggedInUnit', key, async () => {
      const scope: CadreScope = own ? { unitIds: [unitId] } : await this.subtreeScope(unitId);
      return this.list({ asOf, unitId, scope, match }, page);
    });
  }

  /**
   * The ids of the cadres matching on each date under a unit (everyone active without one), for each date as one
   * set-based statement over their spans (and PROMOTION_ELIGIBLE from promotionRows); the unit's subtree read once.
   */
  async matchingCadres(
    dates: readonly string[],
    unitId: string | undefined,
    match: FlagMatch,
  ): Promise<string[][]> {
    const scope: CadreScope = unitId ? await this.subtreeScope(unitId) : {};
    const sets: string[][] = [];
    for (const d of dates) sets.push(await this.matchingOn(d, unitId, scope, match));
    return sets;
  }

  private async matchingOn(
    asOf: string,
    unitId: string | undefined,
    scope: CadreScope,
    match: FlagMatch,
  ): Promise<string[]> {
    const policy = await this.policies.forDate(asOf);
    const promotion = await this.promotionRows(asOf, policy, match, { unitId, cadreScope: scope });
    // allOf alone: the eligible holders of the other codes are the answer (stuckTalent's three dates).
    if (promotion.narrowed?.cadreIds && match.anyOf.length === 0) return [...promotion.narrowed.cadreIds];
    const rows = await this.rowsMatching(asOf, policy, promotion.narrowed ?? scope, match, promotion.rows);
    return rows.map((r) => r.cadre_id);
  }

  private async list(
    q: {
      asOf: string;
      unitId?: string;
      scope: CadreScope;
      match: FlagMatch;
      domain?: string;
      asOfRecorded?: string;
    },
    args: PageArgs,
  ): Promise<ConnectionShape<FlaggedCadre>> {
    const { asOf, scope, match } = q;
    const first = args.first ?? DEFAULT_PAGE;
    const after = decodeCursor(args.after, 3);
    const policy = await this.policies.forDate(asOf);
    const filter = { codes: matchCodes(match), domain: q.domain, asOfRecorded: q.asOfRecorded };
    const {
      rows: promotion,
      light,
      narrowed,
      held,
    } = await this.promotionRows(asOf, policy, match, {
      unitId: q.unitId,
      cadreScope: scope,
      domain: q.domain,
    });
    // allOf alone with PROMOTION_ELIGIBLE ("past the limit and ready"): the eligible holders, with their worst and
    // days past, are the matching cadres already; only the page's flags are read.
    const matched = held && !match.anyOf.length && (q.asOfRecorded ?? asOf) === asOf ? held : undefined;
    // The statement that matches, counts and pages, unless the holders gave the list already: then it is not even
    // built (its parameters would carry every eligible holder as JSON: 300,000 cadres, ten such requests at once,
    // ran the service out of heap).
    const statement = matched
      ? undefined
      : this.listStatement(asOf, policy, narrowed ?? scope, filter, promotion, match, after, first);
    const { rows, total, flags } = await replicaTransaction(this.ds, 'REPEATABLE READ', async (em) => {
      // No parallel workers for this transaction: a province's count (TRAINING_SHORTFALL: 94,000 cadres) split over
      // workers cost a third more CPU (partial aggregates sorted and merged) on a server already busy with other
      // requests (bench, concurrency 10 on 2 cores: 148 instead of 225 ms of PostgreSQL CPU a request).
      await em.query(`SELECT set_config('max_parallel_workers_per_gather', '0', true)`);
      // The count is of every matching cadre, beside the page (an empty page after the last still has it).
      const page: { cadre_id: string | null; worst: number; over_by: number; total: number }[] = matched
        ? pageOf(matched, after, first)
        : await em.query(statement!.sql, statement!.values);
      const rows = page.filter((r): r is typeof r & { cadre_id: string } => r.cadre_id !== null);
      const ids = rows.slice(0, first).map((r) => r.cadre_id);
      const flags = ids.length
        ? await this.flagsOf(em, asOf, policy, ids, filter, light ? [] : promotion)
        : new Map<string, FlagRow[]>();
      return { rows, total: page[0].total, flags };
    });
    // Light PROMOTION_ELIGIBLE rows only said who matches: the page's, in full, from their pathways (after the
    // transaction, as promotionRows ran before it: never a second pooled connection while one is held).
    if (light) await this.addPromotionFlags(asOf, policy, flags, rows.slice(0, first));
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.worst, r.over_by, r.cadre_id],
      (r) =>
        Object.assign(new FlaggedCadre(), {
          cadreId: r.cadre_id,
          flags: (flags.get(r.cadre_id) ?? []).map((x) => Flag.from(x, policy.version)),
        }),
      after,
    );
  }

  /** The list's statement: the scope's matching cadres counted, ordered and paged by keyset (light flags). */
  private listStatement(
    asOf: string,
    policy: PolicyInForce,
    scope: CadreScope,
    filter: { codes?: FlagCode[]; domain?: string; asOfRecorded?: string },
    promotion: readonly SqlFlag[],
    match: FlagMatch,
    after: readonly (string | number | null)[] | undefined,
    first: number,
  ): { sql: string; values: unknown[] } {
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy: policy.document,
      scope,
      ...filter,
      extraRows: promotion,
      light: true,
      fromSpans: true,
    });
    const keyset = after
      ? `WHERE (worst, -over_by, cadre_id) > (${params.add(after[0], 'int')}, -${params.add(after[1], 'int')},
                                            ${params.add(after[2], 'uuid')})`
      : '';
    const sql = `${withSql},
         ${perCadre(params, match)},
         page AS (SELECT * FROM per ${keyset} ORDER BY worst, over_by DESC, cadre_id
                   LIMIT ${params.add(first + 1, 'int')})
         SELECT page.*, n.total FROM (SELECT count(*)::int AS total FROM per) n LEFT JOIN page ON true
          ORDER BY worst, over_by DESC, cadre_id`;
    return { sql, values: params.values };
  }

  /** Adds the PROMOTION_ELIGIBLE flags in full of the cadres of `page` to their flags, worst first again. */
  private async addPromotionFlags(
    asOf: string,
    policy: PolicyInForce,
    flags: Map<string, FlagRow[]>,
    page: readonly { cadre_id: string }[],
  ): Promise<void> {
    if (!page.length) return;
    const { rows } = await this.fullPromotionRows(asOf, policy, { cadreIds: page.map((r) => r.cadre_id) });
    for (const r of rows) {
      const list = flags.get(r.cadre_id) ?? [];
      list.push(fromSql(r));
      list.sort(compareFlags);
      flags.set(r.cadre_id, list);
    }
  }

  /**
   * The scope of a unit's subtree (subtreeScope): its units' ids come back only for a small subtree, so a
   * province list does not ship and parse its 5,000 unit ids on every request.
   */
  private async subtreeScope(rootId: string): Promise<CadreScope> {
    const [r] = await queryReplica<{ ids: string[] | null; all_units: boolean }>(
      this.ds,
      `SELECT CASE WHEN s.n <= $2 THEN s.ids END AS ids, s.n = (SELECT count(*) FROM unit) AS all_units
         FROM (SELECT count(*) AS n, coalesce(array_agg(u.id), '{}') AS ids
                 FROM unit u JOIN unit r ON r.id = $1 WHERE u.path <@ r.path) s`,
      [rootId, SMALL_SUBTREE_UNITS],
    );
    if (r.all_units) return subtreeScope(rootId, [], true);
    return r.ids ? subtreeScope(rootId, r.ids) : { unitId: rootId };
  }

  private async checkFilter(unitId?: string, domain?: string): Promise<void> {
    if (unitId) {
      const [u]: unknown[] = await this.ds.query(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
      if (!u) throw DomainError.notFound('Unit', unitId, 'filter.unitId');
    }
    if (domain) {
      const [d]: unknown[] = await this.ds.query(`SELECT 1 FROM specialty_domain WHERE code = $1`, [domain]);
      if (!d) throw DomainError.badInput('filter.domain', errorText('input.unknownDomain', { domain }));
    }
  }
}
