import { DataSource } from 'typeorm';
import { createAchievementsByCadreLoader } from '../../achievements/achievement.loader';
import { createAppraisalsByCadreLoader } from '../../appraisals/appraisal.loader';
import { createCadreLoader } from '../../cadres/cadre.loader';
import { createPostingsByCadreLoader } from '../../postings/posting.loader';
import { createTrainingsByCadreLoader } from '../../training/training.loader';
import { createUnitLoader } from '../../units/unit.loader';

/** One DataLoader per relation, made fresh for each request so nothing is cached across callers. */
export function createLoaders(ds: DataSource) {
  return {
    unit: createUnitLoader(ds),
    cadre: createCadreLoader(ds),
    postingsByCadre: createPostingsByCadreLoader(ds),
    trainingsByCadre: createTrainingsByCadreLoader(ds),
    achievementsByCadre: createAchievementsByCadreLoader(ds),
    appraisalsByCadre: createAppraisalsByCadreLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
