import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { AppraisalEntity } from './appraisal.entity';
import { RecordAppraisalInput } from './dto/record-appraisal.input';
import { UpdateAppraisalInput } from './dto/update-appraisal.input';

@Injectable()
export class AppraisalsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(_caller: Caller, id: string): Promise<AppraisalEntity> {
    const row = await this.ds.getRepository(AppraisalEntity).findOneBy({ id });
    if (!row) throw DomainError.notFound('Appraisal', id);
    return row;
  }

  /** appraisal_cadre_fkey and appraisal_cadre_year_key report an unknown cadre and a duplicate year. */
  async record(_caller: Caller, input: RecordAppraisalInput): Promise<AppraisalEntity> {
    const repo = this.ds.getRepository(AppraisalEntity);
    const saved = await repo.save(repo.create({ ...input, note: input.note ?? null }));
    return repo.findOneByOrFail({ id: saved.id });
  }

  async update(_caller: Caller, input: UpdateAppraisalInput): Promise<AppraisalEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(AppraisalEntity);
      const row = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Appraisal', input.id);
      const { id, ...given } = input;
      // Compiled class fields may exist as undefined; only the fields the client sent change.
      const changes = Object.fromEntries(
        Object.entries(given).filter(([, v]) => v !== undefined),
      ) as Partial<AppraisalEntity>;
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  async delete(_caller: Caller, id: string): Promise<string> {
    const { affected } = await this.ds.getRepository(AppraisalEntity).delete({ id });
    if (!affected) throw DomainError.notFound('Appraisal', id);
    return id;
  }
}
