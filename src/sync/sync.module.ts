import { Module } from '@nestjs/common';
import { PostingsSync } from './kinds/postings.sync';
import { SyncEngine } from './sync-engine';
import { SyncResolver } from './sync.resolver';
import { SyncService } from './sync.service';

@Module({
  providers: [SyncResolver, SyncService, SyncEngine, PostingsSync],
  exports: [SyncService],
})
export class SyncModule {}
