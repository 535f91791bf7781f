import { Module } from '@nestjs/common';
import { FlagChangesResolver } from './flag-changes.resolver';
import { FlagChangesService } from './flag-changes.service';

/** flagChanges: the change feed read from the rules' date spans. */
@Module({ providers: [FlagChangesResolver, FlagChangesService] })
export class FlagChangesModule {}
