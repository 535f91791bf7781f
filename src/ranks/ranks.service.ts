import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { CadreEntity } from '../cadres/cadre.entity';
import { DomainError } from '../common/errors/domain-error';
import { PolicyService } from '../policy/policy.service';
import { RecordRankInput } from './dto/record-rank.input';
import { UpdateRankInput } from './dto/update-rank.input';
import { RankGrantEntity } from './rank-grant.entity';

type RankFields = Pick<
  RankGrantEntity,
  'cadreId' | 'level' | 'startDate' | 'endDate' | 'source' | 'externalId'
>;
/** NOT NULL columns: an update may change them but not clear them. */
const REQUIRED = ['level', 'startDate'] as const;
const RANK_LADDER = 'RANK';

/** Rank grants: read by whoever may read the cadre, written by ADMIN and the cadre's current department. */
@Injectable()
export class RanksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly policy: PolicyService,
  ) {}

  async get(caller: Caller, id: string): Promise<RankGrantEntity> {
    return this.access.readCadreRecord(caller, RankGrantEntity, 'Rank grant', id);
  }

  async record(caller: Caller, input: RecordRankInput): Promise<RankGrantEntity> {
    const fields: RankFields = {
      cadreId: input.cadreId,
      level: input.level,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      source: input.source ?? null,
      externalId: input.externalId ?? null,
    };
    const idem = {
      key: input.idempotencyKey,
      operation: 'recordRank',
      input: fields,
      reload: entityById(RankGrantEntity),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanWriteCadre(caller, fields.cadreId, em);
      await this.check(em, fields);
      const repo = em.getRepository(RankGrantEntity);
      const saved = await repo.save(repo.create(fields));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateRankInput): Promise<RankGrantEntity> {
    const { id, ...given } = input;
    // Fields not sent arrive as undefined; only those sent change.
    const changes = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<RankFields>;
    for (const key of REQUIRED) {
      if (changes[key] === null)
        throw DomainError.badInput(key, errorText('input.cannotClear', { field: key }));
    }
    return this.change(caller, id, () => changes);
  }

  async end(caller: Caller, id: string, endDate: string): Promise<RankGrantEntity> {
    return this.change(caller, id, (row) => {
      if (row.endDate !== null) {
        throw DomainError.conflict('endDate', errorText('rank.alreadyEnded', { date: row.endDate }));
      }
      return { endDate };
    });
  }

  private async change(
    caller: Caller,
    id: string,
    decide: (row: RankGrantEntity) => Partial<RankFields>,
  ): Promise<RankGrantEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(RankGrantEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Rank grant', id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      const changes = decide(row);
      await this.check(em, { ...row, ...changes }, id);
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  /** Clear errors for the common mistakes; the table's constraints still guard against races. */
  private async check(em: EntityManager, r: RankFields, selfId?: string): Promise<void> {
    if (r.endDate !== null && r.endDate < r.startDate) {
      throw DomainError.badInput(
        'endDate',
        errorText('input.endBeforeStart', { end: r.endDate, start: r.startDate }),
      );
    }
    if ((r.source === null) !== (r.externalId === null)) {
      throw DomainError.badInput(r.source === null ? 'source' : 'externalId', errorText('input.sourcePair'));
    }
    const { document } = await this.policy.forDate(r.startDate);
    const ladder = document.ladders.find((l) => l.id === RANK_LADDER);
    const ranks = new Set(ladder?.steps.flatMap((s) => [s.from, s.to]) ?? []);
    if (!ranks.has(r.level)) {
      throw DomainError.badInput(
        'level',
        errorText('rank.notOnLadder', { level: r.level, date: r.startDate, ranks: [...ranks].join(', ') }),
      );
    }
    if (!(await em.getRepository(CadreEntity).existsBy({ id: r.cadreId }))) {
      throw DomainError.notFound('Cadre', r.cadreId, 'cadreId');
    }
    const [clash] = await em.query<{ level: string; start_date: string; end_date: string | null }[]>(
      `SELECT level, start_date, end_date FROM rank_grant
        WHERE cadre_id = $1 AND id IS DISTINCT FROM $2::uuid AND period && daterange($3::date, $4::date, '[]')
        LIMIT 1`,
      [r.cadreId, selfId ?? null, r.startDate, r.endDate],
    );
    if (clash) {
      throw DomainError.conflict(
        'startDate',
        errorText('rank.overlap', {
          level: clash.level,
          start: clash.start_date,
          end: clash.end_date ?? '…',
        }),
      );
    }
  }
}
