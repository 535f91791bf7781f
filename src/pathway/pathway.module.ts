import { Module } from '@nestjs/common';
import { RequirementResolver } from './requirement.resolver';
import { CadrePathwayResolver } from './cadre-pathway.resolver';
import { PathwayService } from './pathway.service';

/** Cadre.pathway and eligibleCadres (used by the PROMOTION_ELIGIBLE flag). PolicyService is global. */
@Module({ providers: [CadrePathwayResolver, RequirementResolver, PathwayService], exports: [PathwayService] })
export class PathwayModule {}
