import { Module } from '@nestjs/common';
import { CadresSync } from './kinds/cadres.sync';
import { PostingsSync } from './kinds/postings.sync';
import { PostsSync } from './kinds/posts.sync';
import { RanksSync } from './kinds/ranks.sync';
import { SanctionsSync } from './kinds/sanctions.sync';
import { UnitsSync } from './kinds/units.sync';
import { SyncEngine } from './sync-engine';
import { SyncRecordErrorResolver } from './sync-record-error.resolver';
import { SyncResolver } from './sync.resolver';
import { SyncService } from './sync.service';

@Module({
  providers: [
    SyncResolver,
    SyncRecordErrorResolver,
    SyncService,
    SyncEngine,
    UnitsSync,
    CadresSync,
    PostingsSync,
    RanksSync,
    SanctionsSync,
    PostsSync,
  ],
  exports: [SyncService],
})
export class SyncModule {}
