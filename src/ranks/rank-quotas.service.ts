import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { SetRankQuotaInput } from './dto/set-rank-quota.input';
import { RankQuotaRow } from './rank-quota.model';

const COLUMNS = 'id, unit_id, level, places';

/**
 * Rank quotas (职级职数) per unit: read and set by ADMIN and the department whose jurisdiction holds the unit. Every
 * change is audited (the audit trigger on rank_quota); the table's FK and check constraints still guard races.
 */
@Injectable()
export class RankQuotasService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(caller: Caller, unitId: string): Promise<RankQuotaRow[]> {
    await this.assertUnit(caller, unitId, this.ds.manager);
    return this.ds.query<RankQuotaRow[]>(
      `SELECT ${COLUMNS} FROM rank_quota WHERE unit_id = $1 ORDER BY level`,
      [unitId],
    );
  }

  /** Sets the unit's quota for the rank: creates it, or changes its places. */
  async set(caller: Caller, input: SetRankQuotaInput): Promise<RankQuotaRow> {
    return this.tx.run(caller, async (em) => {
      await this.assertUnit(caller, input.unitId, em);
      await this.assertRank(em, input.level);
      const [row] = await em.query<RankQuotaRow[]>(
        `INSERT INTO rank_quota (unit_id, level, places) VALUES ($1, $2, $3)
         ON CONFLICT (unit_id, level) DO UPDATE SET places = EXCLUDED.places, updated_at = now()
         RETURNING ${COLUMNS}`,
        [input.unitId, input.level, input.places],
      );
      return row;
    });
  }

  /** Removes the unit's quota for the rank (the list then shows no free places for it); NOT_FOUND when none. */
  async remove(caller: Caller, unitId: string, level: string): Promise<RankQuotaRow> {
    return this.tx.run(caller, async (em) => {
      await this.assertUnit(caller, unitId, em);
      const [rows] = await em.query<[RankQuotaRow[], number]>(
        `DELETE FROM rank_quota WHERE unit_id = $1 AND level = $2 RETURNING ${COLUMNS}`,
        [unitId, level],
      );
      if (!rows[0]) throw DomainError.notFound('Rank quota', `${unitId}/${level}`, 'level');
      return rows[0];
    });
  }

  /** NOT_FOUND for an unknown unit, FORBIDDEN outside the caller's jurisdiction. */
  private async assertUnit(caller: Caller, unitId: string, em: EntityManager): Promise<void> {
    const [unit] = await em.query<unknown[]>(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
    if (!unit) throw DomainError.notFound('Unit', unitId, 'unitId');
    await this.access.assertUnitInJurisdiction(caller, unitId, em);
  }

  private async assertRank(em: EntityManager, level: string): Promise<void> {
    const [known] = await em.query<unknown[]>(
      `SELECT 1 FROM position_level WHERE code = $1 AND ladder = 'RANK'`,
      [level],
    );
    if (!known) throw DomainError.badInput('level', errorText('input.notRankLevel', { level }));
  }
}
