import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller, Role } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { SyncPostingsInput } from './dto/sync-postings.input';
import { SyncCadresInput } from './dto/sync-cadres.input';
import { SyncRanksInput } from './dto/sync-ranks.input';
import { SyncSanctionsInput } from './dto/sync-sanctions.input';
import { SyncPostsInput } from './dto/sync-posts.input';
import { SyncUnitsInput } from './dto/sync-units.input';
import { CadresSync } from './kinds/cadres.sync';
import { PostingsSync } from './kinds/postings.sync';
import { PostsSync } from './kinds/posts.sync';
import { RanksSync } from './kinds/ranks.sync';
import { SanctionsSync } from './kinds/sanctions.sync';
import { UnitsSync } from './kinds/units.sync';
import { SyncEngine } from './sync-engine';
import { SyncResult, SyncRun } from './sync-run.model';
import { findRun, listRuns, SyncRunRow } from './sync-run.store';
import { createSyncResultsLoader } from './sync-results.loader';
import { SyncOutcome } from './sync.types';

const DEFAULT_PAGE = 20;
type ResultsLoader = ReturnType<typeof createSyncResultsLoader>;

/** Bulk sync from HR systems and the runs it leaves; HR_SYNC callers see their own source only. */
@Injectable()
export class SyncService {
  private readonly loaders = new WeakMap<object, ResultsLoader>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly engine: SyncEngine,
    private readonly units: UnitsSync,
    private readonly cadres: CadresSync,
    private readonly postings: PostingsSync,
    private readonly ranks: RanksSync,
    private readonly sanctions: SanctionsSync,
    private readonly posts: PostsSync,
  ) {}

  syncUnits(caller: Caller, input: SyncUnitsInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.units, input);
  }

  syncCadres(caller: Caller, input: SyncCadresInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.cadres, input);
  }

  syncPostings(caller: Caller, input: SyncPostingsInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.postings, input);
  }

  syncRanks(caller: Caller, input: SyncRanksInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.ranks, input);
  }

  syncSanctions(caller: Caller, input: SyncSanctionsInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.sanctions, input);
  }

  syncPosts(caller: Caller, input: SyncPostsInput): Promise<SyncRunRow> {
    return this.engine.run(caller, this.posts, input);
  }

  async run(caller: Caller, id: string): Promise<SyncRunRow> {
    const run = await findRun(this.ds, id);
    if (!run) throw DomainError.notFound('Sync run', id);
    this.assertSource(caller, run.source);
    return run;
  }

  async runs(
    caller: Caller,
    source: string | undefined,
    first = DEFAULT_PAGE,
    after?: string,
  ): Promise<ConnectionShape<SyncRun>> {
    const scope = caller.role === Role.HR_SYNC ? (source ?? caller.source ?? '') : (source ?? null);
    if (scope !== null) this.assertSource(caller, scope);
    const key = decodeCursor(after, 2) as [string, string] | undefined;
    const { rows, total } = await listRuns(this.ds, scope, first + 1, key);
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.startedAt.toISOString(), r.id],
      (r) => SyncRun.from(r),
      key,
    );
  }

  /** One page of a run's results; `request` scopes the batching loader to one GraphQL request. */
  async results(
    request: object,
    runId: string,
    outcome: SyncOutcome | undefined,
    first = DEFAULT_PAGE,
    after?: string,
  ): Promise<ConnectionShape<SyncResult>> {
    const key = decodeCursor(after, 1)?.[0];
    let loader = this.loaders.get(request);
    if (!loader) this.loaders.set(request, (loader = createSyncResultsLoader(this.ds)));
    const { rows, total } = await loader.load({
      runId,
      outcome: outcome ?? null,
      limit: first + 1,
      afterIndex: typeof key === 'number' ? key : -1,
    });
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.index],
      (r) => Object.assign(new SyncResult(), r),
      key,
    );
  }

  private assertSource(caller: Caller, source: string): void {
    if (caller.role === Role.HR_SYNC && caller.source !== source) {
      throw DomainError.forbidden(errorText('access.ownSourceOnly', { source: caller.source ?? '-' }));
    }
  }
}
