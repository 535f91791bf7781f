import { Module } from '@nestjs/common';
import { CadreFlagsResolver } from './cadre-flags.resolver';
import { PathwayModule } from '../pathway/pathway.module';
import { FlagResolver } from './flag.resolver';
import { FlagsResolver } from './flags.resolver';
import { FlagsService } from './flags.service';

/** Reads the flag rules of src/rules; PROMOTION_ELIGIBLE comes from PathwayService. */
@Module({
  imports: [PathwayModule],
  providers: [FlagsResolver, CadreFlagsResolver, FlagResolver, FlagsService],
  exports: [FlagsService],
})
export class FlagsModule {}
