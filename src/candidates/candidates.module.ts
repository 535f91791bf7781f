import { Module } from '@nestjs/common';
import { CandidatesResolver } from './candidates.resolver';
import { CandidatesService } from './candidates.service';
import { RankingService } from './ranking.service';

/** Candidate lists (promotion, training, specialists). PolicyService and AccessService are global. */
@Module({
  providers: [CandidatesResolver, CandidatesService, RankingService],
  exports: [CandidatesService, RankingService],
})
export class CandidatesModule {}
