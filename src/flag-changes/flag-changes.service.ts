import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { cadreInSubtreeSql } from '../auth/jurisdiction.sql';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toConnection } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { FlagCode, Severity } from '../flags/flag.model';
import { severityRankSql } from '../rules/codes';
import { flagSpansOnly } from '../rules/spans/pathway-spans.sql';
import {
  FlagChange,
  FlagChangeConnection,
  FlagChangeKind,
  FlagChangesArgs,
  MAX_PERIOD_DAYS,
} from './flag-change.model';

interface Row {
  cadre_id: string | null;
  on_date: string;
  change: FlagChangeKind;
  rule_id: string;
  code: FlagCode;
  severity: Severity;
  prev_code: FlagCode | null;
  prev_severity: Severity | null;
  domain: string | null;
  facts: Record<string, unknown>;
  policy_version: number;
  total: string;
}

const DEFAULT_PAGE = 20;

/**
 * The change feed: which flags start, escalate, ease or end between two dates, for the cadres of a jurisdiction (those posted in it on the day of the change).
 * Read from rule_span, where each rule's findings are kept as date ranges: a change is a range boundary that is
 * not a mere continuation (the same code and severity on both sides of it, as at a policy-version boundary).
 * Only the ranges that begin or end in the period are read (indexes on valid_from and valid_to).
 */
@Injectable()
export class FlagChangesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  async flagChanges(caller: Caller, args: FlagChangesArgs): Promise<FlagChangeConnection> {
    if (args.to < args.from) throw DomainError.badInput('to', errorText('input.toBeforeFrom'));
    if ((Date.parse(args.to) - Date.parse(args.from)) / 86_400_000 > MAX_PERIOD_DAYS)
      throw DomainError.badInput('to', errorText('input.periodTooLong', { days: MAX_PERIOD_DAYS }));
    const root = await this.access.jurisdictionRoot(caller, args.unitId);
    const first = args.first ?? DEFAULT_PAGE;
    const after = decodeCursor(args.after, 5);
    const p = new SqlParams();
    const from = p.add(args.from, 'date');
    const to = p.add(args.to, 'date');
    const codes = args.codes?.length ? p.add(args.codes, 'text[]') : undefined;
    // The same finding: one cadre, one rule, one domain.
    const same = (a: string, b: string) =>
      `${a}.cadre_id = ${b}.cadre_id AND ${a}.rule_id = ${b}.rule_id AND ${a}.domain IS NOT DISTINCT FROM ${b}.domain`;
    // The jurisdiction on the day of the change: posted in the subtree that day or the day before (a flag that
    // ends because the posting ended ends the day after its last day). Deterministic for any period asked about.
    const inScope = root
      ? `AND ${cadreInSubtreeSql('e.cadre_id', p.add(root, 'uuid'), { overlapping: `daterange(e.day - 1, e.day, '[]')` })}`
      : '';
    const page = after
      ? `AND (e.day, e.cadre_id, e.rule_id, coalesce(e.domain, ''), e.change) >
             (${p.add(after[0], 'date')}, ${p.add(after[1], 'uuid')}, ${p.add(after[2], 'text')},
              ${p.add(after[3], 'text')}, ${p.add(after[4], 'text')})`
      : '';
    const sql = `
      WITH starts AS (
        SELECT s.cadre_id, s.valid_from AS day, s.rule_id, s.code, s.severity, s.domain, s.facts, s.policy_version,
               prev.code AS prev_code, prev.severity AS prev_severity
          FROM rule_span s
          LEFT JOIN LATERAL (SELECT r.code, r.severity FROM rule_span r
                              WHERE ${same('r', 's')} AND r.valid_to = s.valid_from
                              ORDER BY ${severityRankSql('r.severity')} DESC LIMIT 1) prev ON true
         WHERE s.valid_from BETWEEN ${from} AND ${to} AND ${flagSpansOnly('s')}
               ${codes ? `AND s.code = ANY(${codes})` : ''}
      ),
      ends AS (
        SELECT s.cadre_id, s.valid_to AS day, s.rule_id, s.code, s.severity, s.domain, s.facts, s.policy_version
          FROM rule_span s
         WHERE s.valid_to BETWEEN ${from} AND ${to} AND ${flagSpansOnly('s')}
               ${codes ? `AND s.code = ANY(${codes})` : ''}
           AND NOT EXISTS (SELECT 1 FROM rule_span n WHERE ${same('n', 's')} AND n.valid_from = s.valid_to)
      ),
      events AS (
        SELECT cadre_id, day, rule_id, code, severity, domain, facts, policy_version, prev_code, prev_severity,
               -- a new code for the same finding (APPROACHING → EXCEEDED) moves it on, even at the same severity
               CASE WHEN prev_code IS NULL THEN 'STARTED'
                    WHEN ${severityRankSql('severity')} < ${severityRankSql('prev_severity')} THEN 'EASED'
                    WHEN ${severityRankSql('severity')} > ${severityRankSql('prev_severity')} OR code <> prev_code THEN 'ESCALATED'
               END AS change
          FROM starts
        UNION ALL
        SELECT cadre_id, day, rule_id, code, severity, domain, facts, policy_version, NULL, NULL, 'ENDED'
          FROM ends
      ),
      listed AS (
        SELECT e.* FROM events e WHERE e.change IS NOT NULL ${inScope}
      )
      -- one row at least, carrying the exact total even past the last page
      SELECT x.*, t.total FROM (SELECT count(*) AS total FROM listed) t
        LEFT JOIN LATERAL (
          SELECT e.cadre_id, to_char(e.day, 'YYYY-MM-DD') AS on_date, e.change, e.rule_id, e.code, e.severity,
                 CASE WHEN e.change IN ('ESCALATED', 'EASED') THEN e.prev_code END AS prev_code,
                 CASE WHEN e.change IN ('ESCALATED', 'EASED') THEN e.prev_severity END AS prev_severity,
                 e.domain, e.facts, e.policy_version
            FROM listed e
           WHERE true ${page}
           ORDER BY e.day, e.cadre_id, e.rule_id, coalesce(e.domain, ''), e.change
           LIMIT ${p.add(first + 1, 'int')}) x ON true`;
    const result: Row[] = await this.ds.query(sql, p.values);
    const total = Number(result[0]?.total ?? 0);
    const rows = result.filter((r) => r.cadre_id !== null);
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.on_date, r.cadre_id, r.rule_id, r.domain ?? '', r.change],
      (r): FlagChange =>
        Object.assign(new FlagChange(), {
          cadreId: r.cadre_id,
          on: r.on_date,
          change: r.change,
          ruleId: r.rule_id,
          code: r.code,
          severity: r.severity,
          previousCode: r.prev_code,
          previousSeverity: r.prev_severity,
          domain: r.domain,
          facts: r.facts,
          policyVersion: r.policy_version,
        }),
      after,
    );
  }
}
