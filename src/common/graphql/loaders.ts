import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service';
import { Caller } from '../../auth/caller';
import { createAchievementsByCadreLoader } from '../../achievements/achievement.loader';
import { createAppraisalsByCadreLoader } from '../../appraisals/appraisal.loader';
import { createCadreLoader } from '../../cadres/cadre.loader';
import { createPostingsByCadreLoader } from '../../postings/posting.loader';
import { createTrainingsByCadreLoader } from '../../training/training.loader';
import { createUnitLoader } from '../../units/unit.loader';

/**
 * One DataLoader per relation, made fresh for each request so nothing is cached across callers. The cadre
 * loader is scoped to the caller: every nested path to a cadre (Posting.cadre, Training.cadre, …) goes through
 * it, and a cadre the caller may not read comes back FORBIDDEN.
 */
export function createLoaders(ds: DataSource, access: AccessService, caller: Caller | undefined) {
  return {
    unit: createUnitLoader(ds),
    cadre: createCadreLoader(ds, (ids) =>
      caller ? access.canReadCadres(caller, ids) : Promise.resolve(new Set<string>()),
    ),
    postingsByCadre: createPostingsByCadreLoader(ds),
    trainingsByCadre: createTrainingsByCadreLoader(ds),
    achievementsByCadre: createAchievementsByCadreLoader(ds),
    appraisalsByCadre: createAppraisalsByCadreLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
