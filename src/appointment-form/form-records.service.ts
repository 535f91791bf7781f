import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { AppointmentProposalEntity } from './appointment-proposal.entity';
import { CadreEducationEntity } from './cadre-education.entity';
import { CadrePhotoEntity, PHOTO_MAX_BYTES, PhotoContentType } from './cadre-photo.entity';
import {
  CreateAppointmentProposalInput,
  UpdateAppointmentProposalInput,
} from './dto/appointment-proposal.input';
import { AddFamilyMemberInput, UpdateFamilyMemberInput } from './dto/family-member.input';
import { SetCadreEducationInput } from './dto/set-cadre-education.input';
import { UploadCadrePhotoInput } from './dto/upload-cadre-photo.input';
import { FamilyMemberEntity } from './family-member.entity';
import { relationKindOf } from './relation-kind';

/** The first bytes of each accepted picture type: the declared type must match the picture. */
const MAGIC: Record<PhotoContentType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

type Child = { id: string; cadreId: string };

/** Only the fields the client sent; a field the record must have may not be cleared. */
function changesOf<T extends object>(given: T, required: readonly string[]): Partial<T> {
  const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  for (const key of required) {
    if (changes[key] === null)
      throw DomainError.badInput(key, errorText('input.cannotClear', { field: key }));
  }
  return changes as Partial<T>;
}

/**
 * Writes of the appointment form's records: education sets, family members, the photo and proposals. ADMIN,
 * or ORG_DEPT for a cadre in its jurisdiction (AccessService.assertCanWriteCadre); audited by the tables'
 * triggers through TransactionRunner.
 */
@Injectable()
export class FormRecordsService {
  constructor(
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  /** One set per kind: a second call for the same kind replaces the first. */
  async setEducation(caller: Caller, input: SetCadreEducationInput): Promise<CadreEducationEntity> {
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const row = {
        cadreId: input.cadreId,
        kind: input.kind,
        level: input.level,
        degree: input.degree ?? null,
        school: input.school ?? null,
        major: input.major ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
      };
      const repo = em.getRepository(CadreEducationEntity);
      await repo.upsert(row, { conflictPaths: ['cadreId', 'kind'] });
      return repo.findOneByOrFail({ cadreId: input.cadreId, kind: input.kind });
    });
  }

  async deleteEducation(caller: Caller, id: string): Promise<string> {
    return this.remove(caller, CadreEducationEntity, 'Education', id);
  }

  async addFamilyMember(caller: Caller, input: AddFamilyMemberInput): Promise<FamilyMemberEntity> {
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const repo = em.getRepository(FamilyMemberEntity);
      let position = input.position;
      if (position === undefined) {
        const [{ next }]: { next: number }[] = await em.query(
          `SELECT coalesce(max(position) + 1, 0)::int AS next FROM family_member WHERE cadre_id = $1`,
          [input.cadreId],
        );
        position = next;
      }
      const saved = await repo.save(
        repo.create({
          ...input,
          position,
          relationKind: input.relationKind ?? relationKindOf(input.relation),
          relatedCadreId: input.relatedCadreId ?? null,
          birthDate: input.birthDate ?? null,
          politicalStatus: input.politicalStatus ?? null,
          workUnitAndPost: input.workUnitAndPost ?? null,
        }),
      );
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async updateFamilyMember(caller: Caller, input: UpdateFamilyMemberInput): Promise<FamilyMemberEntity> {
    const { id, ...given } = input;
    const changes = changesOf(given, ['position', 'relation', 'relationKind', 'name']);
    return this.update(caller, FamilyMemberEntity, 'Family member', id, changes);
  }

  async deleteFamilyMember(caller: Caller, id: string): Promise<string> {
    return this.remove(caller, FamilyMemberEntity, 'Family member', id);
  }

  /** Replaces the cadre's photo. The declared type must match the picture; at most PHOTO_MAX_BYTES. */
  async uploadPhoto(caller: Caller, input: UploadCadrePhotoInput): Promise<CadrePhotoEntity> {
    const content = Buffer.from(input.base64, 'base64');
    if (content.length === 0 || content.length > PHOTO_MAX_BYTES) {
      throw DomainError.badInput('base64', errorText('form.photoTooLarge', { kib: PHOTO_MAX_BYTES / 1024 }));
    }
    const magic = MAGIC[input.contentType];
    if (!content.subarray(0, magic.length).equals(magic)) {
      throw DomainError.badInput('base64', errorText('form.photoType', { type: input.contentType }));
    }
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const repo = em.getRepository(CadrePhotoEntity);
      await repo.upsert(
        { cadreId: input.cadreId, contentType: input.contentType, content },
        { conflictPaths: ['cadreId'] },
      );
      return repo.findOneByOrFail({ cadreId: input.cadreId });
    });
  }

  /** Returns the cadre id; NOT_FOUND when the cadre has no photo. */
  async deletePhoto(caller: Caller, cadreId: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, cadreId, em);
      const result = await em.getRepository(CadrePhotoEntity).delete({ cadreId });
      if (!result.affected) throw DomainError.notFound('Photo of cadre', cadreId, 'cadreId');
      return cadreId;
    });
  }

  async createProposal(
    caller: Caller,
    input: CreateAppointmentProposalInput,
  ): Promise<AppointmentProposalEntity> {
    assertNamesAPost(input.proposedPost, input.postsToRemove);
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const repo = em.getRepository(AppointmentProposalEntity);
      const saved = await repo.save(
        repo.create({
          ...input,
          proposedPost: input.proposedPost ?? null,
          postsToRemove: input.postsToRemove ?? null,
        }),
      );
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async updateProposal(
    caller: Caller,
    input: UpdateAppointmentProposalInput,
  ): Promise<AppointmentProposalEntity> {
    const { id, ...given } = input;
    const changes = changesOf(given, ['proposedOn', 'reason']);
    return this.update(caller, AppointmentProposalEntity, 'Appointment proposal', id, changes, (row) =>
      assertNamesAPost(
        changes.proposedPost !== undefined ? changes.proposedPost : row.proposedPost,
        changes.postsToRemove !== undefined ? changes.postsToRemove : row.postsToRemove,
      ),
    );
  }

  async deleteProposal(caller: Caller, id: string): Promise<string> {
    return this.remove(caller, AppointmentProposalEntity, 'Appointment proposal', id);
  }

  /** Locks the row, checks write access to its cadre, applies `changes`. */
  private async update<E extends Child & ObjectLiteral>(
    caller: Caller,
    target: EntityTarget<E>,
    what: string,
    id: string,
    changes: object,
    check?: (row: E) => void,
  ): Promise<E> {
    return this.tx.run(caller, async (em) => {
      const row = await this.locked(em, target, what, id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      check?.(row);
      const repo = em.getRepository(target);
      if (Object.keys(changes).length > 0) await repo.update(id, changes);
      return repo.findOneByOrFail({ id } as never);
    });
  }

  private async remove<E extends Child & ObjectLiteral>(
    caller: Caller,
    target: EntityTarget<E>,
    what: string,
    id: string,
  ): Promise<string> {
    return this.tx.run(caller, async (em) => {
      const row = await this.locked(em, target, what, id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      await em.getRepository(target).delete(id);
      return id;
    });
  }

  private async locked<E extends Child & ObjectLiteral>(
    em: EntityManager,
    target: EntityTarget<E>,
    what: string,
    id: string,
  ): Promise<E> {
    const row = await em
      .getRepository(target)
      .findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!row) throw DomainError.notFound(what, id);
    return row;
  }
}

/** appointment_proposal_posts_check, before the database: a proposal appoints to or removes from something. */
function assertNamesAPost(proposed: string | null | undefined, removed: string | null | undefined): void {
  if (!proposed?.trim() && !removed?.trim()) {
    throw DomainError.badInput('proposedPost', errorText('form.proposalPosts'));
  }
}
