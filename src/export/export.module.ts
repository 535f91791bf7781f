import { Module } from '@nestjs/common';
import { AppointmentFormModule } from '../appointment-form/appointment-form.module';
import { CandidatesModule } from '../candidates/candidates.module';
import { TalentPoolsModule } from '../talent-pools/talent-pools.module';
import { TeamsModule } from '../teams/teams.module';
import { ExportAuthGuard } from './export-auth.guard';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';
import { TeamExportService } from './team-export.service';

/** GET /export/…: candidate lists, talent pools and team structures for spreadsheets, the appointment form as HTML and PDF. */
@Module({
  imports: [CandidatesModule, TalentPoolsModule, AppointmentFormModule, TeamsModule],
  controllers: [ExportController],
  providers: [ExportService, TeamExportService, ExportAuthGuard],
})
export class ExportModule {}
