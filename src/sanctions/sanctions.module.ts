import { Module } from '@nestjs/common';
import { CadreSanctionsResolver } from './cadre-sanctions.resolver';
import { SanctionsResolver } from './sanctions.resolver';
import { SanctionsService } from './sanctions.service';

@Module({
  providers: [SanctionsResolver, CadreSanctionsResolver, SanctionsService],
  exports: [SanctionsService],
})
export class SanctionsModule {}
