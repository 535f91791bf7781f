import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { CreateUnitInput } from './dto/create-unit.input';
import { UpdateUnitInput } from './dto/update-unit.input';
import { UnitEntity } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  /** A department reads units of its subtree; nested fields (Posting.unit, Unit.parent) show any unit. */
  async get(caller: Caller, id: string): Promise<UnitEntity> {
    await this.access.assertUnitInJurisdiction(caller, id);
    const unit = await this.ds.getRepository(UnitEntity).findOneBy({ id });
    if (!unit) throw DomainError.notFound('Unit', id);
    return unit;
  }

  /** Without a parent: the root units, or for a department the root of its jurisdiction. */
  async list(caller: Caller, parentId?: string): Promise<UnitEntity[]> {
    if (parentId) await this.get(caller, parentId);
    else if (caller.role === Role.ORG_DEPT) return [await this.get(caller, caller.unitId ?? '')];
    return this.ds.getRepository(UnitEntity).find({
      where: { parentId: parentId ?? IsNull() },
      order: { code: 'ASC' },
    });
  }

  async create(caller: Caller, input: CreateUnitInput): Promise<UnitEntity> {
    const { idempotencyKey: key, ...fields } = input;
    const idem = { key, operation: 'createUnit', input: fields, reload: entityById(UnitEntity) };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      const repo = em.getRepository(UnitEntity);
      const saved = await repo.save(repo.create({ ...fields, parentId: fields.parentId ?? null }));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateUnitInput): Promise<UnitEntity> {
    return this.tx.run(caller, async (em) => {
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
