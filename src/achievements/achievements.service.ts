import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { cadreInSubtreeSql } from '../auth/jurisdiction.sql';
import { DomainError } from '../common/errors/domain-error';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { Achievement } from './achievement.model';
import { AchievementsToVerifyArgs } from './dto/achievements-to-verify.args';
import { AchievementEntity, AchievementImpactEntity, SpecialtyDomainEntity } from './achievement.entity';
import { MeasuredImpactInput } from './dto/measured-impact.input';
import { RecordAchievementInput } from './dto/record-achievement.input';
import { UpdateAchievementInput } from './dto/update-achievement.input';
import { VerifyAchievementArgs } from './dto/verify-achievement.args';
import { inferBetterWhen } from './impact';

type ImpactValues = Pick<
  AchievementImpactEntity,
  'indicator' | 'baseline' | 'result' | 'unit' | 'betterWhen'
>;

function toImpacts(inputs: MeasuredImpactInput[] | null | undefined): ImpactValues[] {
  return (inputs ?? []).map((i) => ({
    indicator: i.indicator,
    baseline: i.baseline,
    result: i.result,
    unit: i.unit,
    betterWhen: i.betterWhen ?? inferBetterWhen(i.baseline, i.result),
  }));
}

const sameImpacts = (a: ImpactValues[], b: ImpactValues[]): boolean =>
  a.length === b.length &&
  a.every(
    (x, n) =>
      x.indicator === b[n].indicator &&
      x.baseline === b[n].baseline &&
      x.result === b[n].result &&
      x.unit === b[n].unit &&
      x.betterWhen === b[n].betterWhen,
  );

/** A queue cursor: created_at as PostgreSQL prints a timestamptz, and the id. */
const KEY_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d){0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUBSTANCE = ['title', 'description', 'achievedOn', 'domain', 'recognitionLevel'] as const;

@Injectable()
export class AchievementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async get(caller: Caller, id: string, em: EntityManager = this.ds.manager): Promise<AchievementEntity> {
    const row = await em.getRepository(AchievementEntity).findOne({
      where: { id },
      relations: { impacts: true },
      order: { impacts: { position: 'ASC' } },
    });
    if (!row) throw DomainError.notFound('Achievement', id);
    await this.access.assertCanReadCadre(caller, row.cadreId, em);
    return row;
  }

  async specialtyDomains(_caller: Caller): Promise<SpecialtyDomainEntity[]> {
    return this.ds.getRepository(SpecialtyDomainEntity).find({ order: { code: 'ASC' } });
  }

  /**
   * The verification queue, oldest claim first (keyset on created_at, id). A department sees the claims of
   * cadres it may decide on: those with a posting in its subtree that has not ended.
   */
  async toVerify(caller: Caller, args: AchievementsToVerifyArgs): Promise<ConnectionShape<Achievement>> {
    const first = args.first ?? 20;
    const after = decodeCursor(args.after, 2);
    if (after && !(KEY_TIME.test(String(after[0])) && UUID.test(String(after[1])))) {
      throw DomainError.badInput('after', errorText('input.cursor'));
    }
    const root = await this.access.jurisdictionRoot(caller, args.unitId);
    const params: unknown[] = [root ?? null];
    const where = `a.verification_status = 'CLAIMED'
      AND ($1::uuid IS NULL OR ${cadreInSubtreeSql('a.cadre_id', '$1::uuid', 'current')})`;
    const [{ total }] = await this.ds.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM achievement a WHERE ${where}`,
      params,
    );
    const keyset = after ? `AND (a.created_at, a.id) > ($2::timestamptz, $3::uuid)` : '';
    // The key as PostgreSQL's text: a JavaScript Date would drop the microseconds and skip rows at a page edge.
    const page = await this.ds.query<{ id: string; key: string }[]>(
      `SELECT a.id, a.created_at::text AS key FROM achievement a WHERE ${where} ${keyset}
        ORDER BY a.created_at, a.id LIMIT ${first + 1}`,
      after ? [...params, after[0], after[1]] : params,
    );
    const found = page.length
      ? await this.ds.getRepository(AchievementEntity).find({
          where: { id: In(page.map((p) => p.id)) },
          relations: { impacts: true },
          order: { impacts: { position: 'ASC' } },
        })
      : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = page.flatMap((p) => {
      const row = byId.get(p.id);
      return row ? [{ key: p.key, row }] : [];
    });
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.key, r.row.id],
      (r) => Achievement.from(r.row),
      after,
    );
  }

  /**
   * Starts CLAIMED, also when a cadre claims its own. An unknown cadre or domain trips its foreign key, reported
   * on cadreId or domain.
   */
  async record(caller: Caller, input: RecordAchievementInput): Promise<AchievementEntity> {
    const { impacts, idempotencyKey: key, ...fields } = input;
    const idem = {
      key,
      operation: 'recordAchievement',
      input: { ...fields, impacts },
      reload: (em: EntityManager, id: string) => this.get(caller, id, em),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanSubmitForCadre(caller, input.cadreId, em);
      const repo = em.getRepository(AchievementEntity);
      const saved = await repo.save(
        repo.create({ ...fields, description: fields.description ?? null, verificationStatus: 'CLAIMED' }),
      );
      await this.insertImpacts(em, saved.id, toImpacts(impacts));
      return this.get(caller, saved.id, em);
    });
  }

  /** A change of substance to a decided achievement sends it back to CLAIMED for a fresh decision. */
  async update(caller: Caller, input: UpdateAchievementInput): Promise<AchievementEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(AchievementEntity);
      const locked = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw DomainError.notFound('Achievement', input.id);
      await this.access.assertCanWriteCadre(caller, locked.cadreId, em);
      const row = await this.get(caller, input.id, em);

      const changes: Partial<AchievementEntity> = {};
      for (const key of SUBSTANCE) {
        const value = input[key];
        if (value !== undefined && value !== row[key]) Object.assign(changes, { [key]: value });
      }
      const newImpacts = input.impacts === undefined ? undefined : toImpacts(input.impacts);
      const impactsChanged = newImpacts !== undefined && !sameImpacts(newImpacts, row.impacts ?? []);
      if (Object.keys(changes).length === 0 && !impactsChanged) return row;

      if (row.verificationStatus !== 'CLAIMED') {
        Object.assign(changes, {
          verificationStatus: 'CLAIMED',
          verifiedBy: null,
          verifiedAt: null,
          verificationNote: null,
        });
      }
      // Only the impacts changed: still mark the row as updated (and keep the update non-empty).
      if (Object.keys(changes).length === 0) changes.updatedAt = new Date();
      await repo.update({ id: row.id }, changes);
      if (impactsChanged) {
        await em.getRepository(AchievementImpactEntity).delete({ achievementId: row.id });
        await this.insertImpacts(em, row.id, newImpacts);
      }
      return this.get(caller, row.id, em);
    });
  }

  async delete(caller: Caller, id: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      const row = await em.getRepository(AchievementEntity).findOneBy({ id });
      if (!row) throw DomainError.notFound('Achievement', id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      // Its impacts go with it (ON DELETE CASCADE).
      await em.getRepository(AchievementEntity).delete({ id });
      return id;
    });
  }

  /** An organisation department's decision on a CLAIMED achievement; a decided one must be edited first. */
  async verify(caller: Caller, args: VerifyAchievementArgs): Promise<AchievementEntity> {
    return this.tx.run(caller, async (em) => {
      const repo = em.getRepository(AchievementEntity);
      const row = await repo.findOne({ where: { id: args.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Achievement', args.id);
      await this.access.assertCanWriteCadre(caller, row.cadreId, em);
      if (row.verificationStatus !== 'CLAIMED') {
        throw DomainError.conflict(
          'id',
          errorText('achievement.decided', { status: row.verificationStatus.toLowerCase() }),
        );
      }
      await repo.update(
        { id: row.id },
        {
          verificationStatus: args.decision,
          verifiedBy: caller.sub,
          verifiedAt: () => 'now()',
          verificationNote: args.note ?? null,
        },
      );
      return this.get(caller, row.id, em);
    });
  }

  private async insertImpacts(
    em: EntityManager,
    achievementId: string,
    impacts: ImpactValues[],
  ): Promise<void> {
    if (impacts.length === 0) return;
    await em
      .getRepository(AchievementImpactEntity)
      .insert(impacts.map((i, position) => ({ ...i, achievementId, position })));
  }
}
