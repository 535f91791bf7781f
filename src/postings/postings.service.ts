import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { CadreEntity } from '../cadres/cadre.entity';
import { DomainError } from '../common/errors/domain-error';
import { UnitEntity } from '../units/unit.entity';
import { RecordPostingInput } from './dto/record-posting.input';
import { UpdatePostingInput } from './dto/update-posting.input';
import { PostingEntity } from './posting.entity';

type PostingFields = Pick<
  PostingEntity,
  | 'cadreId'
  | 'unitId'
  | 'title'
  | 'level'
  | 'kind'
  | 'startDate'
  | 'endDate'
  | 'source'
  | 'externalId'
  | 'postId'
>;
/** NOT NULL columns: an update may change them but not clear them. */
const REQUIRED = ['unitId', 'title', 'level', 'kind', 'startDate'] as const;

@Injectable()
export class PostingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(caller: Caller, id: string): Promise<PostingEntity> {
    return this.access.readCadreRecord(caller, PostingEntity, 'Posting', id);
  }

  /**
   * A department records postings only in units of its subtree, for cadres not currently posted elsewhere;
   * it changes or removes only postings in its subtree, of cadres in its jurisdiction.
   */
  async record(caller: Caller, input: RecordPostingInput): Promise<PostingEntity> {
    const fields: PostingFields = {
      cadreId: input.cadreId,
      unitId: input.unitId,
      title: input.title,
      level: input.level,
      kind: input.kind ?? 'REGULAR',
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      source: input.source ?? null,
      externalId: input.externalId ?? null,
      postId: input.postId ?? null,
    };
    const idem = {
      key: input.idempotencyKey,
      operation: 'recordPosting',
      input: fields,
      reload: entityById(PostingEntity),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanPostCadre(caller, fields.cadreId, fields.unitId, em);
      await this.check(em, fields);
      const repo = em.getRepository(PostingEntity);
      const saved = await repo.save(repo.create(fields));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdatePostingInput): Promise<PostingEntity> {
    const { id, ...given } = input;
    // Fields not sent arrive as undefined; only those sent change.
    const changes = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<PostingFields>;
    for (const key of REQUIRED) {
      if (changes[key] === null)
        throw DomainError.badInput(key, errorText('input.cannotClear', { field: key }));
    }
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(PostingEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('Posting', id);
      await this.assertCanChange(caller, current, em);
      if (changes.unitId) await this.access.assertUnitInJurisdiction(caller, changes.unitId, em);
      await this.check(em, { ...current, ...changes }, id);
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  async end(caller: Caller, id: string, endDate: string): Promise<PostingEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(PostingEntity);
      const posting = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!posting) throw DomainError.notFound('Posting', id);
      await this.assertCanChange(caller, posting, em);
      if (posting.endDate !== null) {
        throw DomainError.conflict('endDate', errorText('posting.alreadyEnded', { date: posting.endDate }));
      }
      await this.check(em, { ...posting, endDate }, id);
      await repo.update({ id }, { endDate });
      return repo.findOneByOrFail({ id });
    });
  }

  async delete(caller: Caller, id: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(PostingEntity);
      const posting = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!posting) throw DomainError.notFound('Posting', id);
      await this.assertCanChange(caller, posting, em);
      await repo.delete({ id });
      return id;
    });
  }

  private async assertCanChange(caller: Caller, posting: PostingEntity, em: EntityManager): Promise<void> {
    await this.access.assertCanWriteCadre(caller, posting.cadreId, em);
    await this.access.assertUnitInJurisdiction(caller, posting.unitId, em);
  }

  /** A posting names a post of its own unit (posting_post_fkey guards it too). */
  private async checkPost(em: EntityManager, postId: string, unitId: string): Promise<void> {
    const [post] = await em.query<{ unit_id: string }[]>(`SELECT unit_id FROM post WHERE id = $1`, [postId]);
    if (!post) throw DomainError.notFound('Post', postId, 'postId');
    if (post.unit_id !== unitId) {
      throw DomainError.badInput('postId', errorText('posting.postOfOtherUnit'));
    }
  }

  /** Clear errors for the common mistakes; the table's constraints still guard against races. */
  private async check(em: EntityManager, p: PostingFields, selfId?: string): Promise<void> {
    if (p.endDate !== null && p.endDate < p.startDate) {
      throw DomainError.badInput(
        'endDate',
        errorText('input.endBeforeStart', { end: p.endDate, start: p.startDate }),
      );
    }
    if ((p.source === null) !== (p.externalId === null)) {
      throw DomainError.badInput(p.source === null ? 'source' : 'externalId', errorText('input.sourcePair'));
    }
    if (!(await em.getRepository(CadreEntity).existsBy({ id: p.cadreId }))) {
      throw DomainError.notFound('Cadre', p.cadreId, 'cadreId');
    }
    if (!(await em.getRepository(UnitEntity).existsBy({ id: p.unitId }))) {
      throw DomainError.notFound('Unit', p.unitId, 'unitId');
    }
    if (p.postId) await this.checkPost(em, p.postId, p.unitId);
    if (p.kind !== 'REGULAR') return;
    const [clash] = await em.query<{ title: string; start_date: string; end_date: string | null }[]>(
      `SELECT title, start_date, end_date FROM posting
        WHERE cadre_id = $1 AND kind = 'REGULAR' AND id IS DISTINCT FROM $2::uuid
          AND period && daterange($3::date, $4::date, '[]')
        LIMIT 1`,
      [p.cadreId, selfId ?? null, p.startDate, p.endDate],
    );
    if (clash) {
      throw DomainError.conflict(
        'startDate',
        errorText('posting.overlap', {
          title: clash.title,
          start: clash.start_date,
          end: clash.end_date ?? '…',
        }),
      );
    }
  }
}
