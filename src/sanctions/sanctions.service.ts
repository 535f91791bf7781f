import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { RecordSanctionInput } from './dto/record-sanction.input';
import { RecordToleranceDecisionInput } from './dto/record-tolerance-decision.input';
import { RevokeSanctionInput } from './dto/revoke-sanction.input';
import { UpdateSanctionInput } from './dto/update-sanction.input';
import { SanctionEntity } from './sanction.entity';
import { Sanction } from './sanction.model';
import { readSanctions } from './sanction.sql';

type SanctionFields = Pick<
  SanctionEntity,
  'kind' | 'decisionDate' | 'effectiveDate' | 'issuingBody' | 'documentNumber' | 'note'
>;
/** NOT NULL columns: an update may change them but not clear them. */
const REQUIRED = ['kind', 'decisionDate', 'effectiveDate', 'issuingBody'] as const;

/**
 * Sanctions and accountability records. Read: whoever may read the cadre (ADMIN, the organisation departments
 * of its jurisdiction, the cadre itself). Write: ADMIN and the department of its current jurisdiction.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(caller: Caller, id: string): Promise<SanctionEntity> {
    return this.access.readCadreRecord(caller, SanctionEntity, 'Sanction', id);
  }

  /** The record as the API shows it, with the influence period the policy gives its kind. */
  async view(row: SanctionEntity): Promise<Sanction> {
    const [sanction] = await readSanctions(this.ds, { ids: [row.id] });
    return sanction;
  }

  /** sanction_cadre_fkey reports an unknown cadre to an administrator (a department gets FORBIDDEN). */
  async record(caller: Caller, input: RecordSanctionInput): Promise<SanctionEntity> {
    const { idempotencyKey: key, ...given } = input;
    const fields = {
      cadreId: given.cadreId,
      kind: given.kind,
      decisionDate: given.decisionDate,
      effectiveDate: given.effectiveDate,
      issuingBody: given.issuingBody,
      documentNumber: given.documentNumber ?? null,
      note: given.note ?? null,
    };
    checkDates(fields);
    const idem = { key, operation: 'recordSanction', input: fields, reload: entityById(SanctionEntity) };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanWriteCadre(caller, fields.cadreId, em);
      const repo = em.getRepository(SanctionEntity);
      const saved = await repo.save(repo.create(fields));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateSanctionInput): Promise<SanctionEntity> {
    const { id, ...given } = input;
    // Fields not sent arrive as undefined; only those sent change.
    const changes = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<SanctionFields>;
    for (const field of REQUIRED) {
      if (changes[field] === null)
        throw DomainError.badInput(field, errorText('input.cannotClear', { field }));
    }
    return this.change(caller, id, 'id', (row) => {
      checkDates({ ...row, ...changes });
      return changes;
    });
  }

  async revoke(caller: Caller, input: RevokeSanctionInput): Promise<SanctionEntity> {
    return this.change(caller, input.id, 'id', (row) => {
      if (row.revokedOn !== null) {
        throw DomainError.conflict('id', errorText('sanction.alreadyRevoked', { date: row.revokedOn }));
      }
      if (input.revokedOn < row.decisionDate) {
        throw DomainError.badInput(
          'revokedOn',
          errorText('sanction.revokedBeforeDecision', {
            date: input.revokedOn,
            decisionDate: row.decisionDate,
          }),
        );
      }
      return { revokedOn: input.revokedOn, revocationReason: input.reason };
    });
  }

  async recordTolerance(caller: Caller, input: RecordToleranceDecisionInput): Promise<SanctionEntity> {
    return this.change(caller, input.sanctionId, 'sanctionId', (row) => {
      if (row.cadreId !== input.cadreId) {
        throw DomainError.badInput('sanctionId', errorText('sanction.otherCadre'));
      }
      if (row.toleranceDecidedOn !== null) {
        throw DomainError.conflict(
          'sanctionId',
          errorText('sanction.toleranceExists', { date: row.toleranceDecidedOn }),
        );
      }
      if (input.decidedOn < row.decisionDate) {
        throw DomainError.badInput(
          'decidedOn',
          errorText('sanction.toleranceBeforeDecision', {
            date: input.decidedOn,
            decisionDate: row.decisionDate,
          }),
        );
      }
      return {
        toleranceBasis: input.basis,
        toleranceDecidedOn: input.decidedOn,
        toleranceNote: input.note ?? null,
      };
    });
  }

  /** Locks the record, checks write access, applies what `decide` returns. */
  private async change(
    caller: Caller,
    id: string,
    idField: string,
    decide: (row: SanctionEntity) => Partial<SanctionEntity>,
  ): Promise<SanctionEntity> {
    return this.tx.run(caller, async (em: EntityManager) => {
      const repo = em.getRepository(SanctionEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Sanction', id, idField);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      const changes = decide(row);
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }
}

function checkDates(s: Pick<SanctionEntity, 'decisionDate' | 'effectiveDate'>): void {
  if (s.effectiveDate < s.decisionDate) {
    throw DomainError.badInput(
      'effectiveDate',
      errorText('sanction.effectiveBeforeDecision', { date: s.effectiveDate, decisionDate: s.decisionDate }),
    );
  }
}
