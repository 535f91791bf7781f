import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { RecordTrainingInput } from './dto/record-training.input';
import { UpdateTrainingInput } from './dto/update-training.input';
import { TrainingEntity } from './training.entity';

function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate)
    throw DomainError.badInput(
      'endDate',
      errorText('input.endBeforeStart', { end: endDate, start: startDate }),
    );
}

@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(caller: Caller, id: string): Promise<TrainingEntity> {
    return this.access.readCadreRecord(caller, TrainingEntity, 'Training', id);
  }

  /** A cadre may record its own training; departments record for cadres in their jurisdiction. */
  async record(caller: Caller, input: RecordTrainingInput): Promise<TrainingEntity> {
    checkDates(input.startDate, input.endDate);
    const { idempotencyKey: key, ...fields } = input;
    const idem = { key, operation: 'recordTraining', input: fields, reload: entityById(TrainingEntity) };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanSubmitForCadre(caller, input.cadreId, em);
      // An unknown cadre trips training_cadre_fkey, which the error formatter reports as NOT_FOUND on cadreId.
      const repo = em.getRepository(TrainingEntity);
      const saved = await repo.save(
        repo.create({ ...fields, provider: fields.provider ?? null, completed: fields.completed ?? true }),
      );
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateTrainingInput): Promise<TrainingEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(TrainingEntity);
      const row = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Training', input.id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      const { id, ...given } = input;
      // Compiled class fields may exist as undefined; only the fields the client sent change.
      const changes = Object.fromEntries(
        Object.entries(given).filter(([, v]) => v !== undefined),
      ) as Partial<TrainingEntity>;
      checkDates(changes.startDate ?? row.startDate, changes.endDate ?? row.endDate);
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  async delete(caller: Caller, id: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      const row = await em.getRepository(TrainingEntity).findOneBy({ id });
      if (!row) throw DomainError.notFound('Training', id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      await em.getRepository(TrainingEntity).delete({ id });
      return id;
    });
  }
}
