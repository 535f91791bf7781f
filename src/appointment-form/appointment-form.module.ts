import { Module } from '@nestjs/common';
import { AppointmentFormDataService } from './appointment-form.data';
import { CadreFormFieldsResolver } from './cadre-form-fields.resolver';
import { FormRecordsResolver } from './form-records.resolver';
import { FormRecordsService } from './form-records.service';
import { PdfRenderer } from './pdf-renderer';

/**
 * The cadre appointment and removal form (干部任免审批表): its records (education sets, family members, photo,
 * proposals), the form as HTML, and its PDF (GET /export/cadres/:id/appointment-form.pdf, in ExportModule).
 */
@Module({
  providers: [
    FormRecordsService,
    FormRecordsResolver,
    CadreFormFieldsResolver,
    AppointmentFormDataService,
    PdfRenderer,
  ],
  exports: [AppointmentFormDataService, PdfRenderer],
})
export class AppointmentFormModule {}
