import { errorText, inputErrorText } from '../i18n/errors';
import { Controller, Get, Headers, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { appointmentFormHtml, FORM_CSP } from '../appointment-form/appointment-form.html';
import { AppointmentFormDataService } from '../appointment-form/appointment-form.data';
import { PdfRenderer } from '../appointment-form/pdf-renderer';
import { isIsoDate } from '../common/graphql/date.scalar';
import { AppointmentFormQuery } from './appointment-form.query';
import { ExportAuthGuard, ExportCaller } from './export-auth.guard';
import { ExportFormat, ExportService } from './export.service';
import { pickLocale } from '../i18n/labels';
import { SheetFormat } from './sheet';
import { HttpErrorFilter } from './http-error.filter';
import {
  ExportLocaleQuery,
  PoolExportQuery,
  PromotionExportQuery,
  TeamExportQuery,
} from './promotion-export.query';
import { TeamExportService } from './team-export.service';

/**
 * List downloads as CSV (UTF-8 with a BOM) or XLSX in the reader's language, and the appointment form (HTML, PDF) with the same bearer tokens and
 * jurisdiction as the GraphQL API.
 */
@Controller('export')
@UseGuards(ExportAuthGuard)
@UseFilters(HttpErrorFilter)
export class ExportController {
  constructor(
    private readonly exports: ExportService,
    private readonly forms: AppointmentFormDataService,
    private readonly pdf: PdfRenderer,
    private readonly teams: TeamExportService,
  ) {}

  /** GET /export/team-structures.csv (or .xlsx)?unitId=…&asOf=…&missingOnly=false&locale=… : the teamStructures table. */
  @Get('team-structures.csv')
  async teamStructuresCsv(
    @ExportCaller() caller: Caller,
    @Query() query: TeamExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.teams.teamStructures(caller, query, exportFormat('csv', query, accept), res);
  }

  @Get('team-structures.xlsx')
  async teamStructuresXlsx(
    @ExportCaller() caller: Caller,
    @Query() query: TeamExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.teams.teamStructures(caller, query, exportFormat('xlsx', query, accept), res);
  }

  /**
   * GET /export/promotion-candidates.csv (or .xlsx)?targetLevel=COUNTY_DEPUTY&unitId=…&asOf=…&locale=zh-CN
   * &includeNearlyEligible=true
   */
  @Get('promotion-candidates.csv')
  async promotionCandidatesCsv(
    @ExportCaller() caller: Caller,
    @Query() query: PromotionExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.exports.promotionCandidates(caller, query, exportFormat('csv', query, accept), res);
  }

  @Get('promotion-candidates.xlsx')
  async promotionCandidatesXlsx(
    @ExportCaller() caller: Caller,
    @Query() query: PromotionExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.exports.promotionCandidates(caller, query, exportFormat('xlsx', query, accept), res);
  }

  /** GET /export/talent-pools/<id>.csv (or .xlsx)?asOf=…&locale=… : members, snapshots, live status, decision. */
  @Get('talent-pools/:id.csv')
  async talentPoolCsv(
    @ExportCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PoolExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.talentPool(caller, id, query, exportFormat('csv', query, accept), res);
  }

  @Get('talent-pools/:id.xlsx')
  async talentPoolXlsx(
    @ExportCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PoolExportQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.talentPool(caller, id, query, exportFormat('xlsx', query, accept), res);
  }

  private async talentPool(
    caller: Caller,
    id: string,
    query: PoolExportQuery,
    out: ExportFormat,
    res: FastifyReply,
  ): Promise<void> {
    if (!isUUID(id))
      throw DomainError.badInput('id', 'id must be a talent pool id (UUID).').withText(
        inputErrorText('id', 'isUuid'),
      );
    await this.exports.talentPool(caller, id, query.asOf, out, res);
  }

  /** GET /export/cadres/<id>/appointment-form.pdf?proposalId=…&asOf=… : the 干部任免审批表, A4, printed by Chromium. */
  @Get('cadres/:id/appointment-form.pdf')
  async appointmentFormPdf(
    @ExportCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: AppointmentFormQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const html = await this.appointmentForm(caller, id, query);
    const pdf = await this.pdf.render(html);
    await res
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="appointment-form-${id}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  /** GET /export/cadres/<id>/appointment-form.html : the same form as a page (the web page shows and prints it). */
  @Get('cadres/:id/appointment-form.html')
  async appointmentFormPage(
    @ExportCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: AppointmentFormQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const html = await this.appointmentForm(caller, id, query);
    await res
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', FORM_CSP)
      .send(html);
  }

  private async appointmentForm(caller: Caller, id: string, q: AppointmentFormQuery): Promise<string> {
    if (!isUUID(id))
      throw DomainError.badInput('id', 'id must be a cadre id (UUID).').withText(
        inputErrorText('id', 'isUuid'),
      );
    if (q.asOf && !isIsoDate(q.asOf))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    return appointmentFormHtml(await this.forms.load(caller, id, q.proposalId, q.asOf));
  }
}

/** The file format of the route and the reader's language: `locale`, else Accept-Language, else zh-CN. */
function exportFormat(format: SheetFormat, q: ExportLocaleQuery, acceptLanguage?: string): ExportFormat {
  return { format, locale: pickLocale(q.locale, acceptLanguage) };
}
