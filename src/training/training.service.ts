import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { RecordTrainingInput } from './dto/record-training.input';
import { UpdateTrainingInput } from './dto/update-training.input';
import { TrainingEntity } from './training.entity';

function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw DomainError.badInput('endDate', 'The end date is before the start date.');
}

@Injectable()
export class TrainingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(_caller: Caller, id: string): Promise<TrainingEntity> {
    const row = await this.ds.getRepository(TrainingEntity).findOneBy({ id });
    if (!row) throw DomainError.notFound('Training', id);
    return row;
  }

  async record(_caller: Caller, input: RecordTrainingInput): Promise<TrainingEntity> {
    checkDates(input.startDate, input.endDate);
    // An unknown cadre trips training_cadre_fkey, which the error formatter reports as NOT_FOUND on cadreId.
    const repo = this.ds.getRepository(TrainingEntity);
    const saved = await repo.save(
      repo.create({ ...input, provider: input.provider ?? null, completed: input.completed ?? true }),
    );
    return repo.findOneByOrFail({ id: saved.id });
  }

  async update(_caller: Caller, input: UpdateTrainingInput): Promise<TrainingEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(TrainingEntity);
      const row = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Training', input.id);
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

  async delete(_caller: Caller, id: string): Promise<string> {
    const { affected } = await this.ds.getRepository(TrainingEntity).delete({ id });
    if (!affected) throw DomainError.notFound('Training', id);
    return id;
  }
}
