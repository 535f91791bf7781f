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
 * One DataLoader per relation, fresh for each request so nothing is cached across callers, and made on first
 * use: most requests read one or two relations, many none. The cadre loader is scoped to the caller: every
 * nested path to a cadre (Posting.cadre, Training.cadre, …) goes through it, and a cadre the caller may not
 * read comes back FORBIDDEN.
 */
export class Loaders {
  private units?: ReturnType<typeof createUnitLoader>;
  private cadres?: ReturnType<typeof createCadreLoader>;
  private postings?: ReturnType<typeof createPostingsByCadreLoader>;
  private trainings?: ReturnType<typeof createTrainingsByCadreLoader>;
  private achievements?: ReturnType<typeof createAchievementsByCadreLoader>;
  private appraisals?: ReturnType<typeof createAppraisalsByCadreLoader>;

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly caller: Caller | undefined,
  ) {}

  get unit() {
    return (this.units ??= createUnitLoader(this.ds));
  }

  get cadre() {
    return (this.cadres ??= createCadreLoader(this.ds, (ids) => {
      const caller = this.caller;
      return caller ? this.access.canReadCadres(caller, ids) : Promise.resolve(new Set<string>());
    }));
  }

  get postingsByCadre() {
    return (this.postings ??= createPostingsByCadreLoader(this.ds, this.unit));
  }

  get trainingsByCadre() {
    return (this.trainings ??= createTrainingsByCadreLoader(this.ds));
  }

  get achievementsByCadre() {
    return (this.achievements ??= createAchievementsByCadreLoader(this.ds));
  }

  get appraisalsByCadre() {
    return (this.appraisals ??= createAppraisalsByCadreLoader(this.ds));
  }
}

export function createLoaders(ds: DataSource, access: AccessService, caller: Caller | undefined): Loaders {
  return new Loaders(ds, access, caller);
}
