import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { CandidatesService } from '../candidates/candidates.service';
import { CandidatePage } from '../candidates/ranking.service';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { TalentPoolsService } from '../talent-pools/talent-pools.service';
import { BOM, CsvValue, csvRow } from './csv';
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
] as const;

interface Names {
  cadres: Map<string, { name: string; external_id: string }>;
  units: Map<string, string>;
}

/** Streams candidate lists and talent pools as CSV, after the same checks as the GraphQL queries. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly candidates: CandidatesService,
    private readonly pools: TalentPoolsService,
    private readonly access: AccessService,
  ) {}

  async promotionCandidates(caller: Caller, q: PromotionExportQuery, res: FastifyReply): Promise<void> {
    if (q.asOf && !isIsoDate(q.asOf))
      throw DomainError.badInput('asOf', 'asOf must be a calendar date, YYYY-MM-DD.');
    const input = { ...q, asOf: q.asOf ?? today() };
    let page: CandidatePage = await this.candidates.promotionCandidates(caller, { input, first: CSV_PAGE });
    const factors = page.edges[0]?.node.scoreBreakdown.map((f) => f.factor) ?? [];
    start(res, `promotion-candidates-${q.targetLevel}-${input.asOf}.csv`);
    await write(
      res,
      BOM +
        csvRow([
          'rank',
          'externalId',
          'name',
          'unit',
          'currentLevel',
          'targetLevel',
          'readiness',
          'eligibleFrom',
          'score',
          ...factors,
          'reasons',
          'blockers',
          'asOf',
          'policyVersion',
        ]),
    );
    let rank = 0;
    for (;;) {
      const names = await this.names(page.edges.map((e) => e.node));
      const rows = page.edges.map(({ node: c }) => {
        const who = names.cadres.get(c.cadreId);
        return csvRow([
          ++rank,
          who?.external_id,
          who?.name,
          names.units.get(c.unitId),
          c.currentLevel,
          c.nextLevel,
          c.readiness,
          c.eligibleFrom,
          c.score,
          ...c.scoreBreakdown.map((f) => f.value),
          c.reasons.join(' '),
          c.blockers.map((b) => b.code).join(' '),
          page.asOf,
          page.policyVersion,
        ]);
      });
      await write(res, rows.join(''));
      if (!page.pageInfo.hasNextPage) break;
      page = await this.candidates.promotionCandidates(caller, {
        input,
        first: CSV_PAGE,
        after: page.pageInfo.endCursor ?? undefined,
      });
    }
    res.raw.end();
  }

  async talentPool(
    caller: Caller,
    id: string,
    asOfGiven: string | undefined,
    res: FastifyReply,
  ): Promise<void> {
    if (asOfGiven && !isIsoDate(asOfGiven))
      throw DomainError.badInput('asOf', 'asOf must be a calendar date, YYYY-MM-DD.');
    const asOf = asOfGiven ?? today();
    const pool = await this.pools.get(caller, id);
    const [members] = await this.pools.membersOf([pool], asOf, (ids) =>
      this.access.canReadCadres(caller, ids),
    );
    const shown = members.filter((m) => !m.hidden);
    const names = await this.names(shown.map((m) => ({ cadreId: m.cadreId, unitId: m.live?.unitId })));
    start(res, `talent-pool-${pool.id}-${asOf}.csv`);
    await write(res, BOM + csvRow(POOL_COLUMNS));
    const rows = members.map((m) => {
      // Outside the jurisdiction: the member id and the marker, nothing of the cadre (see TalentPoolMember).
      if (m.hidden || !m.snapshot || !m.addedAt) {
        return csvRow(POOL_COLUMNS.map((_, i) => [pool.name, pool.targetLevel, m.cadreId, true][i]));
      }
      const who = names.cadres.get(m.cadreId);
      const s = m.snapshot;
      const last = m.decisions.at(-1);
      const values: CsvValue[] = [
        pool.name,
        pool.targetLevel,
        m.cadreId,
        false,
        who?.external_id,
        who?.name,
        m.addedAt.toISOString(),
        m.addedBy,
        m.note,
        s.asOf,
        s.policyVersion,
        s.score,
        s.readiness,
        s.eligibleFrom,
        s.reasons.join(' '),
        asOf,
        m.live ? names.units.get(m.live.unitId) : null,
        m.live?.score,
        m.live?.readiness,
        m.live?.eligibleFrom,
        last?.decision,
        last?.effectiveDate,
        last?.note,
      ];
      return csvRow(values);
    });
    await write(res, rows.join(''));
    res.raw.end();
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

/** From here on the response is written to Node's response directly (Fastify sends nothing more). */
function start(res: FastifyReply, filename: string): void {
  res.hijack();
  res.raw.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

/** Writes a chunk, waiting while the client is slower than the database. */
async function write(res: FastifyReply, chunk: string): Promise<void> {
  if (!res.raw.write(chunk)) await once(res.raw, 'drain');
}
