import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { FlaggedCadresArgs } from './dto/flags.args';
import { FlagSources } from './flag-sources';
import { compareFlags, Flag, FlagCode, FlagRow, Severity } from './flag.model';
import { FlaggedCadre } from './flagged-cadre.model';
import { buildFlagsQuery, buildScopeQuery, FlagScope, SQL_FLAG_CODES } from './sql/flags-query';

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

const SOURCE_BATCH = 1000;
const DEFAULT_PAGE = 20;

/** Flags are evaluated in PostgreSQL as one set-based statement per request (see sql/). */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: PolicyService,
    private readonly sources: FlagSources,
  ) {}

  /** The SQL-evaluated flags of a scope on asOf under one policy version. */
  async evaluate(
    asOf: string,
    policy: PolicyInForce,
    scope: FlagScope,
    filter: { codes?: FlagCode[]; domain?: string } = {},
  ): Promise<FlagRow[]> {
    const { withSql, params } = buildFlagsQuery({ asOf, document: policy.document, scope, ...filter });
    const rows: SqlFlag[] = await this.ds.query(`${withSql} SELECT * FROM flags`, params.values);
    return rows.map(fromSql);
  }

  /** Every flag of each cadre, worst first: SQL rules plus registered sources. Backs the Cadre.flags loader. */
  async forCadres(
    cadreIds: readonly string[],
    asOf: string,
  ): Promise<{ policyVersion: number; flags: FlagRow[][] }> {
    const policy = await this.policies.forDate(asOf);
    const rows = [
      ...(await this.evaluate(asOf, policy, { cadreIds })),
      ...(await this.fromSources(cadreIds, asOf, policy)),
    ];
    const byCadre = new Map<string, FlagRow[]>(cadreIds.map((id) => [id, []]));
    for (const r of rows) byCadre.get(r.cadreId)?.push(r);
    return {
      policyVersion: policy.version,
      flags: cadreIds.map((id) => (byCadre.get(id) ?? []).sort(compareFlags)),
    };
  }

  /**
   * Cadres with any matching flag, worst severity first, then furthest past a limit, then id; keyset pages.
   * Grouping, ordering, counting and LIMIT all happen in the one SQL statement.
   */
  async flaggedCadres(_caller: Caller, args: FlaggedCadresArgs): Promise<ConnectionShape<FlaggedCadre>> {
    const f = args.filter ?? {};
    const asOf = f.asOf ?? today();
    const first = args.first ?? DEFAULT_PAGE;
    const after = decodeCursor(args.after, 3);
    await this.checkFilter(f.unitId, f.domain);
    const policy = await this.policies.forDate(asOf);
    const scope: FlagScope = { unitId: f.unitId };

    const extra = await this.sourcesOverScope(scope, asOf, policy, f.codes);
    const { withSql, params } = buildFlagsQuery({
      asOf,
      document: policy.document,
      scope,
      codes: f.codes,
      domain: f.domain,
      extraRows: extra.map(toSql),
    });
    const keyset = after
      ? `WHERE (worst, -over_by, cadre_id) > (${params.add(after[0], 'int')}, -${params.add(after[1], 'int')},
                                            ${params.add(after[2], 'uuid')})`
      : '';
    const rows: { cadre_id: string; worst: number; over_by: number; flags: SqlFlag[]; total: number }[] =
      await this.ds.query(
        `${withSql},
         per AS (
           SELECT cadre_id,
                  -max(CASE severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END) AS worst,
                  max(over_by) AS over_by, jsonb_agg(to_jsonb(flags)) AS flags
             FROM flags GROUP BY cadre_id)
         SELECT per.*, (SELECT count(*) FROM per)::int AS total FROM per ${keyset}
          ORDER BY worst, over_by DESC, cadre_id LIMIT ${params.add(first + 1, 'int')}`,
        params.values,
      );
    return toConnection(
      rows,
      first,
      rows[0]?.total ?? (await this.countOnly(withSql, params.values)),
      (r) => [r.worst, r.over_by, r.cadre_id],
      (r) =>
        Object.assign(new FlaggedCadre(), {
          cadreId: r.cadre_id,
          flags: r.flags
            .map(fromSql)
            .sort(compareFlags)
            .map((x) => Flag.from(x, policy.version)),
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

  private async fromSources(
    cadreIds: readonly string[],
    asOf: string,
    policy: PolicyInForce,
    codes?: FlagCode[],
  ) {
    const out: FlagRow[] = [];
    for (const source of this.sources.for(codes)) {
      if (SQL_FLAG_CODES.has(source.code)) continue;
      out.push(...(await source.forCadres(cadreIds, asOf, policy)));
    }
    return out;
  }

  /** Flags from registered sources over a whole scope, in batches, to join the SQL ordering and paging. */
  private async sourcesOverScope(
    scope: FlagScope,
    asOf: string,
    policy: PolicyInForce,
    codes?: FlagCode[],
  ): Promise<FlagRow[]> {
    if (this.sources.for(codes).every((s) => SQL_FLAG_CODES.has(s.code))) return [];
    const q = buildScopeQuery(scope, asOf);
    const scoped: { cadre_id: string }[] = await this.ds.query(q.sql, q.params);
    const ids = scoped.map((r) => r.cadre_id);
    const out: FlagRow[] = [];
    for (let i = 0; i < ids.length; i += SOURCE_BATCH) {
      out.push(...(await this.fromSources(ids.slice(i, i + SOURCE_BATCH), asOf, policy, codes)));
    }
    return out;
  }
}
