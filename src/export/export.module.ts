import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { TalentPoolsModule } from '../talent-pools/talent-pools.module';
import { ExportAuthGuard } from './export-auth.guard';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** GET /export/…csv: candidate lists and talent pools for spreadsheets. */
@Module({
  imports: [CandidatesModule, TalentPoolsModule],
  controllers: [ExportController],
  providers: [ExportService, ExportAuthGuard],
})
export class ExportModule {}
