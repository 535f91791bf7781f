import { Module } from '@nestjs/common';
import { CadreRanksResolver } from './cadre-ranks.resolver';
import { RankQuotasResolver } from './rank-quotas.resolver';
import { RankQuotasService } from './rank-quotas.service';
import { RanksResolver } from './ranks.resolver';
import { RanksService } from './ranks.service';

@Module({
  providers: [RanksResolver, CadreRanksResolver, RanksService, RankQuotasResolver, RankQuotasService],
  exports: [RanksService],
})
export class RanksModule {}
