import { Controller, Get, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { ExportAuthGuard, ExportCaller } from './export-auth.guard';
import { ExportService } from './export.service';
import { HttpErrorFilter } from './http-error.filter';
import { PoolExportQuery, PromotionExportQuery } from './promotion-export.query';

/** CSV downloads (UTF-8 with a BOM) with the same bearer tokens and jurisdiction as the GraphQL API. */
@Controller('export')
@UseGuards(ExportAuthGuard)
@UseFilters(HttpErrorFilter)
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** GET /export/promotion-candidates.csv?targetLevel=COUNTY_DEPUTY&unitId=…&asOf=…&includeNearlyEligible=true */
  @Get('promotion-candidates.csv')
  async promotionCandidates(
    @ExportCaller() caller: Caller,
    @Query() query: PromotionExportQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.exports.promotionCandidates(caller, query, res);
  }

  /** GET /export/talent-pools/<id>.csv?asOf=… : members, snapshots, live status and the latest decision. */
  @Get('talent-pools/:id.csv')
  async talentPool(
    @ExportCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PoolExportQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (!isUUID(id)) throw DomainError.badInput('id', 'id must be a talent pool id (UUID).');
    await this.exports.talentPool(caller, id, query.asOf, res);
  }
}
