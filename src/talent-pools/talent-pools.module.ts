import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { DecisionsService } from './decisions.service';
import { CandidateSnapshotResolver, TalentPoolMemberResolver } from './talent-pool-member.resolver';
import { TalentPoolsResolver } from './talent-pools.resolver';
import { TalentPoolsService } from './talent-pools.service';

/** Talent pools (reserve cadre lists), their members' snapshots and decisions. */
@Module({
  imports: [CandidatesModule],
  providers: [
    TalentPoolsResolver,
    TalentPoolMemberResolver,
    CandidateSnapshotResolver,
    TalentPoolsService,
    DecisionsService,
  ],
  exports: [TalentPoolsService],
})
export class TalentPoolsModule {}
