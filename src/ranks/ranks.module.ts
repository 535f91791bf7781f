import { Module } from '@nestjs/common';
import { CadreRanksResolver } from './cadre-ranks.resolver';
import { RanksResolver } from './ranks.resolver';
import { RanksService } from './ranks.service';

@Module({
  providers: [RanksResolver, CadreRanksResolver, RanksService],
  exports: [RanksService],
})
export class RanksModule {}
