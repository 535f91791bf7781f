import { Module } from '@nestjs/common';
import { AchievementsResolver } from './achievements.resolver';
import { AchievementsService } from './achievements.service';
import { CadreAchievementsResolver } from './cadre-achievements.resolver';

@Module({
  providers: [AchievementsResolver, CadreAchievementsResolver, AchievementsService],
  exports: [AchievementsService],
})
export class AchievementsModule {}
