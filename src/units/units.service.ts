import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { CreateUnitInput } from './dto/create-unit.input';
import { UpdateUnitInput } from './dto/update-unit.input';
import { UnitEntity } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(_caller: Caller, id: string): Promise<UnitEntity> {
    const unit = await this.ds.getRepository(UnitEntity).findOneBy({ id });
    if (!unit) throw DomainError.notFound('Unit', id);
    return unit;
  }

  async list(_caller: Caller, parentId?: string): Promise<UnitEntity[]> {
    if (parentId) await this.get(_caller, parentId);
    return this.ds.getRepository(UnitEntity).find({
      where: { parentId: parentId ?? IsNull() },
      order: { code: 'ASC' },
    });
  }

  async create(_caller: Caller, input: CreateUnitInput): Promise<UnitEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(UnitEntity);
      const saved = await repo.save(repo.create({ ...input, parentId: input.parentId ?? null }));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(_caller: Caller, input: UpdateUnitInput): Promise<UnitEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(UnitEntity);
      const unit = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw DomainError.notFound('Unit', input.id);
      const { id, ...changes } = input;
      await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  /** The unit and everything beneath it, as one indexed query on the ltree path. */
  async subtreeIds(rootId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT u.id FROM unit u JOIN unit r ON r.id = $1 WHERE u.path <@ r.path`,
      [rootId],
    );
    return rows.map((r) => r.id);
  }
}
