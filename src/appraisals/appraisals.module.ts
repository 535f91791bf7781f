import { Module } from '@nestjs/common';
import { AppraisalsResolver } from './appraisals.resolver';
import { AppraisalsService } from './appraisals.service';
import { CadreAppraisalsResolver } from './cadre-appraisals.resolver';

@Module({
  providers: [AppraisalsResolver, CadreAppraisalsResolver, AppraisalsService],
  exports: [AppraisalsService],
})
export class AppraisalsModule {}
