import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { encodeCursor } from '../common/graphql/pagination';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { LABELS, labelOf } from '../i18n/labels';
import { TeamStructureService } from '../teams/team-structure.service';
import { ExportFormat } from './export.service';
import { TeamExportQuery } from './promotion-export.query';
import { openSheet } from './sheet';

/** Teams per statement while exporting. */
const TEAM_PAGE = 1000;

const COLUMNS = [
  'unit',
  'unitLevel',
  'holders',
  'women',
  'young',
  'grassroots',
  'grassrootsShare',
  'averageAge',
  'missed',
  'asOf',
  'policyVersion',
] as const;

/** The teamStructures table as CSV or XLSX in the reader's language, after the query's own checks. */
@Injectable()
export class TeamExportService {
  constructor(private readonly teams: TeamStructureService) {}

  async teamStructures(
    caller: Caller,
    q: TeamExportQuery,
    out: ExportFormat,
    res: FastifyReply,
  ): Promise<void> {
    if (q.asOf && !isIsoDate(q.asOf))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    const args = { unitId: q.unitId, asOf: q.asOf ?? today(), missingOnly: q.missingOnly ?? true };
    const l = LABELS[out.locale];
    let page = await this.teams.judgedRows(caller, args, TEAM_PAGE);
    const sheet = await openSheet(
      res,
      out.format,
      { ascii: `team-structures-${args.asOf}`, utf8: `${l.file.teamStructures}-${args.asOf}` },
      l.file.teamStructures,
      COLUMNS.map((k) => l.teamColumn[k]),
    );
    for (;;) {
      await sheet.rows(
        page.rows
          .slice(0, TEAM_PAGE)
          .map((r) => [
            r.name,
            labelOf(l.unitLevel, r.unit_level),
            r.holders,
            r.women,
            r.young,
            r.grassroots,
            r.holders ? Math.round((r.grassroots / r.holders) * 1000) / 10 : null,
            r.average_age,
            r.missed.map((m) => labelOf(l.teamTarget, m)).join('；'),
            page.asOf,
            page.version,
          ]),
      );
      const last = page.rows[TEAM_PAGE - 1];
      if (page.rows.length <= TEAM_PAGE || !last) break;
      page = await this.teams.judgedRows(
        caller,
        { ...args, after: encodeCursor([last.code, last.unit_id]) },
        TEAM_PAGE,
      );
    }
    await sheet.end();
  }
}
