import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { queryWithGenericPlan } from '../database/generic-plan';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { AccessService } from '../auth/access.service';
import { PathwayScope } from '../rules/facts/pathway-facts.sql';
import { PathwayService } from '../pathway/pathway.service';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { FlaggedCadresArgs } from './dto/flags.args';
import { compareFlags, Flag, FlagCode, FlagRow, Severity } from './flag.model';
import { FlaggedCadre } from './flagged-cadre.model';
import { buildFlagsQuery, subtreeScope } from '../rules/flags.sql';
import { CadreScope } from '../rules/sql/scope.sql';
import { promotionFlag } from '../rules/promotion-eligible';
import { queryReplica, replicaTransaction } from '../database/replica';

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
  ) {}

  /** PROMOTION_ELIGIBLE flags of a scope, as SQL rows; none when the codes asked for leave it out. */
  private async promotionRows(
    asOf: string,
    policy: PolicyInForce,
    codes: FlagCode[] | undefined,
    pathwayScope: PathwayScope,
  ): Promise<SqlFlag[]> {
    if (codes?.length && !codes.includes(FlagCode.PROMOTION_ELIGIBLE)) return [];
    const eligible = await this.pathway.eligibleCadres(asOf, policy.document, pathwayScope);
    return eligible.map((e) => toSql(promotionFlag(e, policy.document)));
  }

  /** Every flag of each cadre, worst first: SQL rules plus registered sources. Backs the Cadre.flags loader. */
  async forCadres(
    cadreIds: readonly string[],
    asOf: string,
  ): Promise<{ policyVersion: number; flags: FlagRow[][] }> {
    const policy = await this.policies.forDate(asOf);
    const promotion = await this.promotionRows(asOf, policy, undefined, { cadreIds: [...cadreIds] });
    const flags = await this.ds.transaction((em) => this.flagsOf(em, asOf, policy, cadreIds, {}, promotion));
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
    filter: { codes?: FlagCode[]; domain?: string },
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
   * Cadres with any matching flag, worst severity first, then furthest past a limit, then id; keyset pages.
   * Two statements in one snapshot: the first evaluates the scope's flags without their messages and facts
   * (a province has thousands of flagged cadres) and groups, orders, counts and pages them; the second
   * evaluates the page's cadres in full.
   */
  async flaggedCadres(caller: Caller, args: FlaggedCadresArgs): Promise<ConnectionShape<FlaggedCadre>> {
    const f = args.filter ?? {};
    const asOf = f.asOf ?? today();
    const first = args.first ?? DEFAULT_PAGE;
    const after = decodeCursor(args.after, 3);
    await this.checkFilter(f.unitId, f.domain);
    const unitId = await this.access.jurisdictionRoot(caller, f.unitId);
    const policy = await this.policies.forDate(asOf);
    const scope: CadreScope = unitId ? await this.subtreeScope(unitId) : {};
    const filter = { codes: f.codes, domain: f.domain };
    const promotion = await this.promotionRows(asOf, policy, f.codes, { unitId });
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy: policy.document,
      scope,
      ...filter,
      extraRows: promotion,
      light: true,
      fromSpans: true,
    });
    const countParams = [...params.values];
    const keyset = after
      ? `WHERE (worst, -over_by, cadre_id) > (${params.add(after[0], 'int')}, -${params.add(after[1], 'int')},
                                            ${params.add(after[2], 'uuid')})`
      : '';
    const { rows, flags } = await replicaTransaction(this.ds, 'REPEATABLE READ', async (em) => {
      const page: { cadre_id: string; worst: number; over_by: number; total: number }[] = await em.query(
        `${withSql},
         per AS (
           SELECT cadre_id, -max(CASE severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END) AS worst,
                  max(over_by) AS over_by
             FROM flags GROUP BY cadre_id)
         SELECT per.*, (SELECT count(*) FROM per)::int AS total FROM per ${keyset}
          ORDER BY worst, over_by DESC, cadre_id LIMIT ${params.add(first + 1, 'int')}`,
        params.values,
      );
      const ids = page.slice(0, first).map((r) => r.cadre_id);
      const flags = ids.length
        ? await this.flagsOf(em, asOf, policy, ids, filter, promotion)
        : new Map<string, FlagRow[]>();
      return { rows: page, flags };
    });
    return toConnection(
      rows,
      first,
      rows[0]?.total ?? (await this.countOnly(withSql, countParams)),
      (r) => [r.worst, r.over_by, r.cadre_id],
      (r) =>
        Object.assign(new FlaggedCadre(), {
          cadreId: r.cadre_id,
          flags: (flags.get(r.cadre_id) ?? []).map((x) => Flag.from(x, policy.version)),
        }),
    );
  }

  private async countOnly(withSql: string, params: unknown[]): Promise<number> {
    const [row] = await queryReplica<{ n: number }>(
      this.ds,
      `${withSql} SELECT count(DISTINCT cadre_id)::int AS n FROM flags`,
      params,
    );
    return row.n;
  }

  private async subtreeScope(rootId: string): Promise<CadreScope> {
    const rows = await queryReplica<{ id: string; units: number }>(
      this.ds,
      `SELECT u.id, (SELECT count(*) FROM unit)::int AS units FROM unit u JOIN unit r ON r.id = $1 WHERE u.path <@ r.path`,
      [rootId],
    );
    return subtreeScope(
      rootId,
      rows.map((r) => r.id),
      rows.length === rows[0]?.units,
    );
  }

  private async checkFilter(unitId?: string, domain?: string): Promise<void> {
    if (unitId) {
      const [u]: unknown[] = await this.ds.query(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
      if (!u) throw DomainError.notFound('Unit', unitId, 'filter.unitId');
    }
    if (domain) {
      const [d]: unknown[] = await this.ds.query(`SELECT 1 FROM specialty_domain WHERE code = $1`, [domain]);
      if (!d) throw DomainError.badInput('filter.domain', `${domain} is not a domain in the taxonomy.`);
    }
  }
}
