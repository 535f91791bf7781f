import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate } from '../common/graphql/date.scalar';
import { moveToPosting } from '../postings/move-posting';
import { RecordDecisionInput } from './dto/record-decision.input';
import { PoolDecision, TalentPool, TalentPoolDecision } from './talent-pool.model';
import { DecisionRow, toDecision } from './talent-pool.rows';
import { TalentPoolsService } from './talent-pools.service';

/** Decisions about pool members; a PROMOTED one may move the cadre into the new post in the same transaction. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly pools: TalentPoolsService,
  ) {}

  async record(caller: Caller, input: RecordDecisionInput): Promise<TalentPoolDecision> {
    if (!isIsoDate(input.effectiveDate)) {
      throw DomainError.badInput(
        'input.effectiveDate',
        errorText('input.dateFormat', { field: 'effectiveDate' }),
      );
    }
    if (input.newPosting && input.decision !== PoolDecision.PROMOTED) {
      throw DomainError.badInput('input.newPosting', errorText('pool.newPostingOnlyPromoted'));
    }
    const idem = {
      key: input.idempotencyKey,
      operation: 'recordDecision',
      input,
      reload: async (em: EntityManager, id: string) => {
        const [row]: DecisionRow[] = await em.query(`SELECT * FROM talent_pool_decision WHERE id = $1`, [id]);
        return row ? toDecision(row) : undefined;
      },
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      const pool = await this.pools.pool(em, input.poolId);
      await this.pools.assertUnit(caller, pool.unitId, em);
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const [member]: unknown[] = await em.query(
        `SELECT 1 FROM talent_pool_member WHERE pool_id = $1 AND cadre_id = $2 FOR UPDATE`,
        [pool.id, input.cadreId],
      );
      if (!member) throw DomainError.notFound('Pool member', input.cadreId, 'input.cadreId');
      const postingId = input.newPosting ? await this.promote(caller, em, pool, input) : null;
      const [row]: DecisionRow[] = await em.query(
        `INSERT INTO talent_pool_decision (pool_id, cadre_id, decision, note, effective_date, posting_id, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          pool.id,
          input.cadreId,
          input.decision,
          input.note ?? null,
          input.effectiveDate,
          postingId,
          caller.sub,
        ],
      );
      return toDecision(row);
    });
  }

  /** Moves the cadre into the new post on effectiveDate (moveToPosting), once the caller may post them there. */
  private async promote(
    caller: Caller,
    em: EntityManager,
    pool: TalentPool,
    input: RecordDecisionInput,
  ): Promise<string> {
    const next = input.newPosting!;
    await this.access.assertCanPostCadre(caller, input.cadreId, next.unitId, em);
    const { postingId } = await moveToPosting(em, {
      cadreId: input.cadreId,
      effectiveDate: input.effectiveDate,
      unitId: next.unitId,
      title: next.title,
      level: next.level ?? pool.targetLevel,
    });
    return postingId;
  }
}
