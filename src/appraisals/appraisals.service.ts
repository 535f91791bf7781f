import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { AppraisalEntity } from './appraisal.entity';
import { RecordAppraisalInput } from './dto/record-appraisal.input';
import { UpdateAppraisalInput } from './dto/update-appraisal.input';

@Injectable()
export class AppraisalsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(caller: Caller, id: string): Promise<AppraisalEntity> {
    return this.access.readCadreRecord(caller, AppraisalEntity, 'Appraisal', id);
  }

  /** appraisal_cadre_fkey and appraisal_cadre_year_key report an unknown cadre and a duplicate year. */
  async record(caller: Caller, input: RecordAppraisalInput): Promise<AppraisalEntity> {
    const { idempotencyKey: key, ...fields } = input;
    const idem = { key, operation: 'recordAppraisal', input: fields, reload: entityById(AppraisalEntity) };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const repo = em.getRepository(AppraisalEntity);
      const saved = await repo.save(repo.create({ ...fields, note: fields.note ?? null }));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateAppraisalInput): Promise<AppraisalEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(AppraisalEntity);
      const row = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Appraisal', input.id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      const { id, ...given } = input;
      // Compiled class fields may exist as undefined; only the fields the client sent change.
      const changes = Object.fromEntries(
        Object.entries(given).filter(([, v]) => v !== undefined),
      ) as Partial<AppraisalEntity>;
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  async delete(caller: Caller, id: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      const row = await em.getRepository(AppraisalEntity).findOneBy({ id });
      if (!row) throw DomainError.notFound('Appraisal', id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      await em.getRepository(AppraisalEntity).delete({ id });
      return id;
    });
  }
}
