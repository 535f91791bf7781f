import { errorText } from '../i18n/errors';
import { renderReason } from '../i18n/reasons';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { CandidatesService } from '../candidates/candidates.service';
import { CandidatePage } from '../candidates/ranking.service';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, timestampInZone, today } from '../common/graphql/date.scalar';
import { LABELS, Labels, labelOf, Locale } from '../i18n/labels';
import { TalentPoolsService } from '../talent-pools/talent-pools.service';
import { CsvValue } from './csv';
import { openSheet, SheetFormat } from './sheet';
import { PromotionExportQuery } from './promotion-export.query';
import { queryReplica } from '../database/replica';

/** Rows per ranking statement while exporting: every page re-ranks the whole list, so pages are large. */
const CSV_PAGE = 1000;

/**
 * The pool file's columns. `hidden` is true on the row of a member outside the caller's jurisdiction, which
 * carries the pool, the member's cadre id and that marker, nothing else.
 */
const POOL_COLUMNS = [
  'pool',
  'targetLevel',
  'cadreId',
  'hidden',
  'externalId',
  'name',
  'addedAt',
  'addedBy',
  'note',
  'snapshotAsOf',
  'snapshotPolicyVersion',
  'snapshotScore',
  'snapshotReadiness',
  'snapshotEligibleFrom',
  'snapshotReasons',
  'liveAsOf',
  'liveUnit',
  'liveScore',
  'liveReadiness',
  'liveEligibleFrom',
  'decision',
  'decisionEffectiveDate',
  'decisionNote',
] as const satisfies readonly (keyof Labels['column'])[];

interface Names {
  cadres: Map<string, { name: string; external_id: string }>;
  units: Map<string, string>;
}

/** How an export is asked for: the file format and the reader's language. */
export interface ExportFormat {
  format: SheetFormat;
  locale: Locale;
}

/** A score (0..1, four decimals) as people read it: out of 100, one decimal. */
const outOf100 = (score: number | null | undefined): number | null =>
  score === null || score === undefined ? null : Math.round(score * 1000) / 10;

/**
 * Streams candidate lists and talent pools as CSV or XLSX in the reader's language (headings and the names of
 * codes from src/i18n/labels.ts), after the same checks as the GraphQL queries.
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly candidates: CandidatesService,
    private readonly pools: TalentPoolsService,
    private readonly access: AccessService,
  ) {}

  async promotionCandidates(
    caller: Caller,
    q: PromotionExportQuery,
    out: ExportFormat,
    res: FastifyReply,
  ): Promise<void> {
    if (q.asOf && !isIsoDate(q.asOf))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    const { locale: _locale, ...query } = q;
    const input = { ...query, asOf: q.asOf ?? today() };
    const l = LABELS[out.locale];
    let page: CandidatePage = await this.candidates.promotionCandidates(caller, { input, first: CSV_PAGE });
    const factors = page.edges[0]?.node.scoreBreakdown.map((f) => f.factor) ?? [];
    const c = l.column;
    const sheet = await openSheet(
      res,
      out.format,
      {
        ascii: `promotion-candidates-${q.targetLevel}-${input.asOf}`,
        utf8: `${l.file.promotionCandidates}-${labelOf(l.level, q.targetLevel)}-${input.asOf}`,
      },
      l.file.promotionCandidates,
      [
        c.rank,
        c.externalId,
        c.name,
        c.unit,
        c.currentLevel,
        c.targetLevel,
        c.readiness,
        c.eligibleFrom,
        c.score,
        ...factors.map((f) => labelOf(l.factor, f)),
        c.reasons,
        c.blockers,
        c.asOf,
        c.policyVersion,
      ],
    );
    let rank = 0;
    for (;;) {
      const names = await this.names(page.edges.map((e) => e.node));
      const asOf = page.asOf;
      const policyVersion = page.policyVersion;
      await sheet.rows(
        page.edges.map(({ node: n }) => {
          const who = names.cadres.get(n.cadreId);
          return [
            ++rank,
            who?.external_id,
            who?.name,
            names.units.get(n.unitId),
            labelOf(l.level, n.currentLevel),
            labelOf(l.level, n.nextLevel),
            labelOf(l.readiness, n.readiness),
            n.eligibleFrom,
            outOf100(n.score),
            ...n.scoreBreakdown.map((f) => outOf100(f.contribution)),
            n.reasonData.map((r) => renderReason(r, out.locale)).join('；'),
            n.blockers.map((b) => labelOf(l.requirement, b.code)).join('；'),
            asOf,
            policyVersion,
          ];
        }),
      );
      if (!page.pageInfo.hasNextPage) break;
      page = await this.candidates.promotionCandidates(caller, {
        input,
        first: CSV_PAGE,
        after: page.pageInfo.endCursor ?? undefined,
      });
    }
    await sheet.end();
  }

  async talentPool(
    caller: Caller,
    id: string,
    asOfGiven: string | undefined,
    out: ExportFormat,
    res: FastifyReply,
  ): Promise<void> {
    if (asOfGiven && !isIsoDate(asOfGiven))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    const asOf = asOfGiven ?? today();
    const l = LABELS[out.locale];
    const pool = await this.pools.get(caller, id);
    const [members] = await this.pools.membersOf([pool], asOf, (ids) =>
      this.access.canReadCadres(caller, ids),
    );
    const shown = members.filter((m) => !m.hidden);
    const names = await this.names(shown.map((m) => ({ cadreId: m.cadreId, unitId: m.live?.unitId })));
    const sheet = await openSheet(
      res,
      out.format,
      { ascii: `talent-pool-${pool.id}-${asOf}`, utf8: `${l.file.talentPool}-${pool.name}-${asOf}` },
      pool.name,
      POOL_COLUMNS.map((k) => l.column[k]),
    );
    const yesNo = (v: boolean): string => l.boolean[String(v)];
    const target = labelOf(l.level, pool.targetLevel);
    const rows = members.map((m): CsvValue[] => {
      // Outside the jurisdiction: the member id and the marker, nothing of the cadre (see TalentPoolMember).
      if (m.hidden || !m.snapshot || !m.addedAt) {
        return POOL_COLUMNS.map((_, i) => [pool.name, target, m.cadreId, yesNo(true)][i]);
      }
      const who = names.cadres.get(m.cadreId);
      const s = m.snapshot;
      const last = m.decisions.at(-1);
      return [
        pool.name,
        target,
        m.cadreId,
        yesNo(false),
        who?.external_id,
        who?.name,
        timestampInZone(m.addedAt),
        m.addedBy,
        m.note,
        s.asOf,
        s.policyVersion,
        outOf100(s.score),
        labelOf(l.readiness, s.readiness),
        s.eligibleFrom,
        s.reasonData.map((r) => renderReason(r, out.locale)).join('；'),
        asOf,
        m.live ? names.units.get(m.live.unitId) : null,
        outOf100(m.live?.score),
        labelOf(l.readiness, m.live?.readiness),
        m.live?.eligibleFrom,
        labelOf(l.decision, last?.decision),
        last?.effectiveDate,
        last?.note,
      ];
    });
    await sheet.rows(rows);
    await sheet.end();
  }

  private async names(rows: { cadreId: string; unitId?: string }[]): Promise<Names> {
    const cadres: { id: string; name: string; external_id: string }[] = rows.length
      ? await queryReplica(this.ds, `SELECT id, name, external_id FROM cadre WHERE id = ANY($1::uuid[])`, [
          rows.map((r) => r.cadreId),
        ])
      : [];
    const unitIds = rows.map((r) => r.unitId).filter((u): u is string => !!u);
    const units: { id: string; name: string }[] = unitIds.length
      ? await queryReplica(this.ds, `SELECT id, name FROM unit WHERE id = ANY($1::uuid[])`, [unitIds])
      : [];
    return {
      cadres: new Map(cadres.map((c) => [c.id, c])),
      units: new Map(units.map((u) => [u.id, u.name])),
    };
  }
}
