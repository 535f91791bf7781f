import { Module } from '@nestjs/common';
import { CadreTrainingsResolver } from './cadre-trainings.resolver';
import { TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

@Module({
  providers: [TrainingResolver, CadreTrainingsResolver, TrainingService],
  exports: [TrainingService],
})
export class TrainingModule {}
