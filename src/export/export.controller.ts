import { Controller, Get, Param, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
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
import { ExportService } from './export.service';
import { HttpErrorFilter } from './http-error.filter';
import { PoolExportQuery, PromotionExportQuery } from './promotion-export.query';

/**
 * CSV downloads (UTF-8 with a BOM) and the appointment form (HTML, PDF) with the same bearer tokens and
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
  ) {}

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
    if (!isUUID(id)) throw DomainError.badInput('id', 'id must be a cadre id (UUID).');
    if (q.asOf && !isIsoDate(q.asOf))
      throw DomainError.badInput('asOf', 'asOf must be a calendar date, YYYY-MM-DD.');
    return appointmentFormHtml(await this.forms.load(caller, id, q.proposalId, q.asOf));
  }
}
