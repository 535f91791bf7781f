import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { queryWithGenericPlan } from '../database/generic-plan';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { AccessService } from '../auth/access.service';
import { PathwayScope } from '../pathway/pathway-facts.query';
import { PathwayService } from '../pathway/pathway.service';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { FlaggedCadresArgs } from './dto/flags.args';
import { compareFlags, Flag, FlagCode, FlagRow, Severity } from './flag.model';
import { FlaggedCadre } from './flagged-cadre.model';
import { promotionFlag } from './promotion-flags';
import { buildFlagsQuery, FlagScope, subtreeScope } from './sql/flags-query';

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

/** Flags are evaluated in PostgreSQL as one set-based statement per request (see sql/). */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyService,
    private readonly pathway: PathwayService,
    private readonly access: AccessService,
  ) {}

  /** The flags of a scope on asOf under one policy version, in no particular order. */
  async evaluate(
    asOf: string,
    policy: PolicyInForce,
    scope: FlagScope,
    filter: { codes?: FlagCode[]; domain?: string } = {},
  ): Promise<FlagRow[]> {
    const pathwayScope = 'cadreIds' in scope ? { cadreIds: [...scope.cadreIds] } : {};
    const { withSql, params } = await this.query(asOf, policy, scope, filter, pathwayScope);
    const sql = `${withSql} SELECT * FROM flags`;
    const rows: SqlFlag[] =
      'cadreIds' in scope
        ? // Given cadres (a cadre's own flags, a page of cadres): the same plan fits every call.
          await this.ds.transaction((em) => queryWithGenericPlan<SqlFlag>(em, sql, params.values))
        : await this.ds.query(sql, params.values);
    return rows.map(fromSql);
  }

  /**
   * The flag SQL for a scope. PROMOTION_ELIGIBLE comes from the pathway rules (their facts are one set-based
   * query, the named rules run over its rows); its rows join the SQL as a jsonb parameter, so ordering and
   * paging still happen in PostgreSQL.
   */
  private async query(
    asOf: string,
    policy: PolicyInForce,
    scope: FlagScope,
    filter: { codes?: FlagCode[]; domain?: string },
    pathwayScope: PathwayScope,
  ) {
    const extraRows = await this.promotionRows(asOf, policy, filter.codes, pathwayScope);
    return buildFlagsQuery({ asOf, document: policy.document, scope, ...filter, extraRows });
  }

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
    const rows = await this.evaluate(asOf, policy, { cadreIds });
    const byCadre = new Map<string, FlagRow[]>(cadreIds.map((id) => [id, []]));
    for (const r of rows) byCadre.get(r.cadreId)?.push(r);
    return {
      policyVersion: policy.version,
      flags: cadreIds.map((id) => (byCadre.get(id) ?? []).sort(compareFlags)),
    };
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
    const scope: FlagScope = unitId ? await this.subtreeScope(unitId) : {};
    const filter = { codes: f.codes, domain: f.domain };
    const promotion = await this.promotionRows(asOf, policy, f.codes, { unitId });
    const light = buildFlagsQuery({
      asOf,
      document: policy.document,
      scope,
      ...filter,
      extraRows: promotion,
      light: true,
    });
    const { withSql, params } = light;
    const countParams = [...params.values];
    const keyset = after
      ? `WHERE (worst, -over_by, cadre_id) > (${params.add(after[0], 'int')}, -${params.add(after[1], 'int')},
                                            ${params.add(after[2], 'uuid')})`
      : '';
    const { rows, flags } = await this.ds.transaction('REPEATABLE READ', async (em) => {
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
      const ids = new Set(page.slice(0, first).map((r) => r.cadre_id));
      if (ids.size === 0) return { rows: page, flags: [] as SqlFlag[] };
      const full = buildFlagsQuery({
        asOf,
        document: policy.document,
        scope: { cadreIds: [...ids] },
        ...filter,
        extraRows: promotion.filter((r) => ids.has(r.cadre_id)),
      });
      const all = await queryWithGenericPlan<SqlFlag>(
        em,
        `${full.withSql} SELECT * FROM flags`,
        full.params.values,
      );
      return { rows: page, flags: all };
    });
    const byCadre = new Map<string, FlagRow[]>();
    for (const r of flags) byCadre.set(r.cadre_id, [...(byCadre.get(r.cadre_id) ?? []), fromSql(r)]);
    return toConnection(
      rows,
      first,
      rows[0]?.total ?? (await this.countOnly(withSql, countParams)),
      (r) => [r.worst, r.over_by, r.cadre_id],
      (r) =>
        Object.assign(new FlaggedCadre(), {
          cadreId: r.cadre_id,
          flags: (byCadre.get(r.cadre_id) ?? []).sort(compareFlags).map((x) => Flag.from(x, policy.version)),
        }),
    );
  }

  private async countOnly(withSql: string, params: unknown[]): Promise<number> {
    const [row]: { n: number }[] = await this.ds.query(
      `${withSql} SELECT count(DISTINCT cadre_id)::int AS n FROM flags`,
      params,
    );
    return row.n;
  }

  private async subtreeScope(rootId: string): Promise<FlagScope> {
    const rows: { id: string; units: number }[] = await this.ds.query(
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
