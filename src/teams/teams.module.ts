import { Module } from '@nestjs/common';
import { PathwayModule } from '../pathway/pathway.module';
import { AvoidanceBreachResolver, AvoidanceResolver } from './avoidance.resolver';
import { AvoidanceService } from './avoidance.service';
import {
  TeamStructureResolver,
  TeamStructureUnitResolver,
  YoungCadresResolver,
} from './team-structure.resolver';
import { TeamStructureService } from './team-structure.service';
import { YoungCadresService } from './young-cadres.service';

/** Leadership teams (领导班子): structure against TEAM_STRUCTURE, young cadres, and avoidance checks (回避). */
@Module({
  imports: [PathwayModule],
  providers: [
    AvoidanceBreachResolver,
    AvoidanceResolver,
    AvoidanceService,
    TeamStructureResolver,
    TeamStructureUnitResolver,
    TeamStructureService,
    YoungCadresResolver,
    YoungCadresService,
  ],
  exports: [TeamStructureService, AvoidanceService],
})
export class TeamsModule {}
