import { errorText } from '../i18n/errors';
import { todaySql } from '../common/graphql/date.scalar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Caller, Role } from './caller';
import { cadreInSubtreeSql, cadreWithoutPostingsSql, unitInSubtreeSql } from './jurisdiction.sql';

/**
 * Who may touch which cadre and unit: the one scoping layer every service calls (the guard has already
 * checked the role). ADMIN may do everything. ORG_DEPT works inside the subtree of its root unit: it reads
 * cadres with any posting there (history stays readable after a move) and writes those with a posting there
 * that has not ended; a cadre with no posting at all is open to every department so its first posting can be
 * recorded. CADRE reaches only itself. HR_SYNC reaches no cadre. Refusals are FORBIDDEN, also for ids that do
 * not exist, so a department cannot probe for records outside its jurisdiction.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The unit a list query is confined to. ADMIN: the requested unit, or none (everything). ORG_DEPT: the
   * requested unit when it lies in its subtree (else FORBIDDEN, never an empty list), by default its root.
   */
  async jurisdictionRoot(caller: Caller, requestedUnitId?: string | null): Promise<string | undefined> {
    if (caller.role === Role.ADMIN) return requestedUnitId ?? undefined;
    if (caller.role !== Role.ORG_DEPT) throw DomainError.forbidden();
    if (!requestedUnitId || requestedUnitId === caller.unitId) return this.root(caller);
    await this.assertUnitInJurisdiction(caller, requestedUnitId);
    return requestedUnitId;
  }

  async assertUnitInJurisdiction(caller: Caller, unitId: string, em?: EntityManager): Promise<void> {
    if (caller.role === Role.ADMIN) return;
    if (caller.role !== Role.ORG_DEPT) throw DomainError.forbidden();
    const ok = await this.test(em, unitInSubtreeSql('$1::uuid', '$2::uuid'), [unitId, this.root(caller)]);
    if (!ok) throw DomainError.forbidden(errorText('access.unitOutside'));
  }

  /** One of a cadre's records by id, when the caller may read that cadre; NOT_FOUND (naming `label`) when none. */
  async readCadreRecord<T extends { cadreId: string }>(
    caller: Caller,
    entity: EntityTarget<T>,
    label: string,
    id: string,
  ): Promise<T> {
    const row = await this.ds.getRepository(entity).findOneBy({ id } as unknown as FindOptionsWhere<T>);
    if (!row) throw DomainError.notFound(label, id);
    await this.assertCanReadCadre(caller, row.cadreId);
    return row;
  }

  async assertCanReadCadre(caller: Caller, cadreId: string, em?: EntityManager): Promise<void> {
    if (!(await this.canReadCadres(caller, [cadreId], em)).has(cadreId)) throw this.cadreForbidden(caller);
  }

  /** Changing a cadre's record: ADMIN, or ORG_DEPT while the cadre is in its jurisdiction. Never CADRE. */
  async assertCanWriteCadre(caller: Caller, cadreId: string, em?: EntityManager): Promise<void> {
    if (caller.role === Role.ADMIN) return;
    if (caller.role !== Role.ORG_DEPT) throw this.cadreForbidden(caller);
    const sql = `EXISTS (SELECT 1 FROM cadre c WHERE c.id = $1::uuid AND (
      ${cadreInSubtreeSql('c.id', '$2::uuid', 'current')} OR ${cadreWithoutPostingsSql('c.id')}))`;
    if (!(await this.test(em, sql, [cadreId, this.root(caller)]))) throw this.cadreForbidden(caller);
  }

  /** Training and CLAIMED achievements: a cadre may submit its own; everyone else needs write access. */
  async assertCanSubmitForCadre(caller: Caller, cadreId: string, em?: EntityManager): Promise<void> {
    if (caller.role === Role.CADRE && caller.cadreId === cadreId) return;
    await this.assertCanWriteCadre(caller, cadreId, em);
  }

  /**
   * Recording or moving a posting into `unitId`: the unit must be in the jurisdiction, and the cadre must not
   * currently be posted outside it (a department takes over a cadre once the other department ended the posting).
   */
  async assertCanPostCadre(
    caller: Caller,
    cadreId: string,
    unitId: string,
    em?: EntityManager,
  ): Promise<void> {
    if (caller.role === Role.ADMIN) return;
    await this.assertUnitInJurisdiction(caller, unitId, em);
    const sql = `EXISTS (SELECT 1 FROM cadre c WHERE c.id = $1::uuid) AND NOT EXISTS (
      SELECT 1 FROM posting p WHERE p.cadre_id = $1::uuid AND (p.end_date IS NULL OR p.end_date >= ${todaySql()})
        AND NOT ${unitInSubtreeSql('p.unit_id', '$2::uuid')})`;
    if (!(await this.test(em, sql, [cadreId, this.root(caller)]))) throw this.cadreForbidden(caller);
  }

  /** The ids among `ids` the caller may read, in one query (used by the per-request cadre loader). */
  async canReadCadres(caller: Caller, ids: readonly string[], em?: EntityManager): Promise<Set<string>> {
    if (caller.role === Role.ADMIN) return new Set(ids);
    if (caller.role === Role.CADRE) return new Set(ids.filter((id) => id === caller.cadreId));
    if (caller.role !== Role.ORG_DEPT || ids.length === 0) return new Set();
    const rows: { id: string }[] = await (em ?? this.ds.manager).query(
      `SELECT c.id FROM cadre c WHERE c.id = ANY($1::uuid[])
         AND (${cadreInSubtreeSql('c.id', '$2::uuid', 'any', { perCadre: true })} OR ${cadreWithoutPostingsSql('c.id')})`,
      [[...ids], this.root(caller)],
    );
    return new Set(rows.map((r) => r.id));
  }

  private root(caller: Caller): string {
    // TokenService refuses ORG_DEPT tokens without a unit id, so this is a programming error if it happens.
    if (!caller.unitId) throw DomainError.forbidden(errorText('access.noJurisdiction'));
    return caller.unitId;
  }

  private cadreForbidden(caller: Caller): DomainError {
    return DomainError.forbidden(
      errorText(caller.role === Role.ORG_DEPT ? 'access.cadreOutside' : 'access.ownRecordOnly'),
    );
  }

  private async test(em: EntityManager | undefined, condition: string, params: unknown[]): Promise<boolean> {
    const [row]: { ok: boolean }[] = await (em ?? this.ds.manager).query(`SELECT ${condition} AS ok`, params);
    return row?.ok === true;
  }
}
