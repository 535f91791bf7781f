import { Module } from '@nestjs/common';
import { FlagsModule } from '../flags/flags.module';
import { StuckTalentReportResolver, StuckTalentResolver } from './stuck-talent.resolver';
import { StuckTalentService } from './stuck-talent.service';

/** The stuckTalent report: a reader of the flags (past a limit and ready for promotion), per unit. */
@Module({
  imports: [FlagsModule],
  providers: [StuckTalentResolver, StuckTalentReportResolver, StuckTalentService],
})
export class StuckTalentModule {}
