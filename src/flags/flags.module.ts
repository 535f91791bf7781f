import { Global, Module } from '@nestjs/common';
import { CadreFlagsResolver } from './cadre-flags.resolver';
import { FlagSources } from './flag-sources';
import { FlagsResolver } from './flags.resolver';
import { FlagsService } from './flags.service';

/** Global so that other modules (pathway) can register flag sources with FlagSources. */
@Global()
@Module({
  providers: [FlagsResolver, CadreFlagsResolver, FlagsService, FlagSources],
  exports: [FlagsService, FlagSources],
})
export class FlagsModule {}
