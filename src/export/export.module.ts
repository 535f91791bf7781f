import { Module } from '@nestjs/common';
import { AppointmentFormModule } from '../appointment-form/appointment-form.module';
import { CandidatesModule } from '../candidates/candidates.module';
import { TalentPoolsModule } from '../talent-pools/talent-pools.module';
import { ExportAuthGuard } from './export-auth.guard';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** GET /export/…: candidate lists and talent pools for spreadsheets, the appointment form as HTML and PDF. */
@Module({
  imports: [CandidatesModule, TalentPoolsModule, AppointmentFormModule],
  controllers: [ExportController],
  providers: [ExportService, ExportAuthGuard],
})
export class ExportModule {}
