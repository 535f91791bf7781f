import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service';
import { Caller } from '../../auth/caller';
import { createAchievementsByCadreLoader } from '../../achievements/achievement.loader';
import { createAppraisalsByCadreLoader } from '../../appraisals/appraisal.loader';
import * as form from '../../appointment-form/form-records.loader';
import { createCadreLoader } from '../../cadres/cadre.loader';
import { createPostingsByCadreLoader } from '../../postings/posting.loader';
import { createRanksByCadreLoader } from '../../ranks/rank-grant.loader';
import { createSanctionsByCadreLoader } from '../../sanctions/sanction.loader';
import { createTrainingsByCadreLoader } from '../../training/training.loader';
import { createUnitLoader } from '../../units/unit.loader';

/**
 * One DataLoader per relation, fresh for each request so nothing is cached across callers, and made on first
 * use: most requests read one or two relations, many none. The cadre loader is scoped to the caller: every
 * nested path to a cadre (Posting.cadre, Training.cadre, …) goes through it, and a cadre the caller may not
 * read comes back FORBIDDEN. Lists that show an entry for such a cadre without its data (talent pool members)
 * ask `readableCadres` instead; both share one AccessService.canReadCadres query per batch.
 */
export class Loaders {
  private units?: ReturnType<typeof createUnitLoader>;
  private cadres?: ReturnType<typeof createCadreLoader>;
  private readable?: DataLoader<string, boolean>;
  private postings?: ReturnType<typeof createPostingsByCadreLoader>;
  private trainings?: ReturnType<typeof createTrainingsByCadreLoader>;
  private achievements?: ReturnType<typeof createAchievementsByCadreLoader>;
  private appraisals?: ReturnType<typeof createAppraisalsByCadreLoader>;
  private educations?: ReturnType<typeof form.createEducationsByCadreLoader>;
  private family?: ReturnType<typeof form.createFamilyByCadreLoader>;
  private photos?: ReturnType<typeof form.createPhotoByCadreLoader>;
  private proposals?: ReturnType<typeof form.createProposalsByCadreLoader>;
  private sanctions?: ReturnType<typeof createSanctionsByCadreLoader>;
  private ranks?: ReturnType<typeof createRanksByCadreLoader>;

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly caller: Caller | undefined,
  ) {}

  get unit() {
    return (this.units ??= createUnitLoader(this.ds));
  }

  get cadre() {
    return (this.cadres ??= createCadreLoader(this.ds, (ids) => this.readableCadres(ids)));
  }

  /** The ids among `ids` the caller may read: AccessService.canReadCadres, batched and cached per request. */
  async readableCadres(ids: readonly string[]): Promise<Set<string>> {
    this.readable ??= new DataLoader<string, boolean>(async (batch) => {
      const caller = this.caller;
      const allowed = caller ? await this.access.canReadCadres(caller, batch) : new Set<string>();
      return batch.map((id) => allowed.has(id));
    });
    const answers = await this.readable.loadMany(ids);
    return new Set(ids.filter((_, i) => answers[i] === true));
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

  get educationsByCadre() {
    return (this.educations ??= form.createEducationsByCadreLoader(this.ds));
  }

  get familyByCadre() {
    return (this.family ??= form.createFamilyByCadreLoader(this.ds));
  }

  get photoByCadre() {
    return (this.photos ??= form.createPhotoByCadreLoader(this.ds));
  }

  get proposalsByCadre() {
    return (this.proposals ??= form.createProposalsByCadreLoader(this.ds));
  }

  get sanctionsByCadre() {
    return (this.sanctions ??= createSanctionsByCadreLoader(this.ds));
  }

  get ranksByCadre() {
    return (this.ranks ??= createRanksByCadreLoader(this.ds));
  }
}

export function createLoaders(ds: DataSource, access: AccessService, caller: Caller | undefined): Loaders {
  return new Loaders(ds, access, caller);
}
