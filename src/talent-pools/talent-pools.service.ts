import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { Candidate } from '../candidates/candidate.model';
import { CandidatesService } from '../candidates/candidates.service';
import { stepTo } from '../rules/steps';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { PolicyService } from '../policy/policy.service';
import { CreateTalentPoolInput } from './dto/create-talent-pool.input';
import { AddToPoolInput, PoolMemberArgs } from './dto/pool-member.args';
import { TalentPoolsArgs } from './dto/talent-pools.args';
import { TalentPool, TalentPoolMember } from './talent-pool.model';
import {
  DecisionRow,
  MemberRow,
  POOL_COLUMNS,
  PoolRow,
  snapshotOf,
  toDecision,
  toHiddenMember,
  toMember,
  toPool,
} from './talent-pool.rows';
import { queryReplica } from '../database/replica';

const DEFAULT_PAGE = 20;

/** The ids among the given ones the reader may read (AccessService.canReadCadres, or the request's loader). */
export type ReadableCadres = (ids: readonly string[]) => Promise<Set<string>>;

/** Talent pools: a department keeps them for units in its jurisdiction; every write is audited. */
@Injectable()
export class TalentPoolsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly policies: PolicyService,
    private readonly candidates: CandidatesService,
  ) {}

  async create(caller: Caller, input: CreateTalentPoolInput): Promise<TalentPool> {
    const policy = await this.policies.forDate(today());
    if (!stepTo(policy.document, input.targetLevel)) {
      throw DomainError.badInput(
        'input.targetLevel',
        errorText('pool.noPromotionTo', { level: input.targetLevel }),
      );
    }
    if (input.domain) await this.candidates.checkDomain(input.domain, 'input.domain');
    const idem = {
      key: input.idempotencyKey,
      operation: 'createTalentPool',
      input,
      reload: (em: EntityManager, id: string) => this.pool(em, id),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.assertUnit(caller, input.unitId, em);
      const [row]: PoolRow[] = await em.query(
        `INSERT INTO talent_pool AS tp (name, target_level, unit_id, domain, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${POOL_COLUMNS}`,
        [
          input.name.trim(),
          input.targetLevel,
          input.unitId,
          input.domain ?? null,
          input.note ?? null,
          caller.sub,
        ],
      );
      return toPool(row);
    });
  }

  /** Pools of units in the jurisdiction (under unitId when given), newest first, keyset pages. */
  async list(caller: Caller, args: TalentPoolsArgs): Promise<ConnectionShape<TalentPool>> {
    const root = await this.candidates.root(caller, args.unitId);
    const first = args.first ?? DEFAULT_PAGE;
    const after = decodeCursor(args.after, 2);
    const inRoot = `($1::uuid IS NULL OR tp.unit_id IN (
      SELECT u.id FROM unit u JOIN unit r ON r.id = $1::uuid AND u.path <@ r.path))`;
    const keyset = after ? `AND (tp.created_at, tp.id) < ($3::timestamptz, $4::uuid)` : '';
    const rows = await queryReplica<PoolRow & { cursor_at: string }>(
      this.ds,
      `SELECT ${POOL_COLUMNS}, tp.created_at::text AS cursor_at FROM talent_pool tp
        WHERE ${inRoot} ${keyset}
        ORDER BY tp.created_at DESC, tp.id DESC LIMIT $2`,
      [root ?? null, first + 1, ...(after ?? [])],
    );
    const [{ n }] = await queryReplica<{ n: number }>(
      this.ds,
      `SELECT count(*)::int AS n FROM talent_pool tp WHERE ${inRoot}`,
      [root ?? null],
    );
    return toConnection(rows, first, n, (r) => [r.cursor_at, r.id], toPool, after);
  }

  async get(caller: Caller, id: string): Promise<TalentPool> {
    const pool = await this.pool(this.ds.manager, id);
    await this.assertUnit(caller, pool.unitId);
    return pool;
  }

  /** Adds a cadre one step below the pool's level, with the candidate snapshot as of asOf. */
  async add(caller: Caller, input: AddToPoolInput): Promise<TalentPoolMember> {
    const asOf = input.asOf ?? today();
    const pool = await this.get(caller, input.poolId);
    await this.access.assertCanWriteCadre(caller, input.cadreId);
    const { candidates } = await this.candidates.forCadres([input.cadreId], {
      targetLevel: pool.targetLevel,
      asOf,
      domain: pool.domain,
    });
    const candidate = candidates.get(input.cadreId);
    if (!candidate) {
      throw DomainError.badInput(
        'input.cadreId',
        errorText('pool.notOneStepBelow', { level: pool.targetLevel, date: asOf }),
      );
    }
    const idem = {
      key: input.idempotencyKey,
      operation: 'addToPool',
      input,
      ref: (m: TalentPoolMember) => m.cadreId,
      reload: (em: EntityManager, cadreId: string) => this.member(em, pool.id, cadreId, candidate),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const [row]: MemberRow[] = await em.query(
        `INSERT INTO talent_pool_member (pool_id, cadre_id, note, snapshot, added_by)
         VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT ON CONSTRAINT talent_pool_member_pool_cadre_key DO NOTHING
         RETURNING pool_id, cadre_id, note, snapshot, added_by, added_at`,
        [pool.id, input.cadreId, input.note ?? null, JSON.stringify(snapshotOf(candidate, asOf)), caller.sub],
      );
      if (!row) throw DomainError.conflict('input.cadreId', errorText('pool.alreadyMember'));
      return toMember(row, candidate, []);
    });
  }

  async remove(caller: Caller, args: PoolMemberArgs): Promise<string> {
    await this.get(caller, args.poolId);
    return this.tx.run(caller, async (em) => {
      const rows: unknown[] = await em.query(
        `DELETE FROM talent_pool_member WHERE pool_id = $1 AND cadre_id = $2 RETURNING id`,
        [args.poolId, args.cadreId],
      );
      if (!rows.length) throw DomainError.notFound('Pool member', args.cadreId, 'cadreId');
      return args.cadreId;
    });
  }

  /**
   * The members of each pool, in the order given: the snapshot, the live candidate on asOf and the decisions.
   * Set-based for a page of pools: one statement each for the members, the access check (`readable`, the one
   * AccessService check) and the decisions, and one ranking statement per (level, domain) of the pools. A member
   * the reader may not read is hidden: its decisions are not read and it is not ranked.
   */
  async membersOf(
    pools: readonly TalentPool[],
    asOf: string,
    readable: ReadableCadres,
  ): Promise<TalentPoolMember[][]> {
    const poolIds = pools.map((p) => p.id);
    const rows: MemberRow[] = poolIds.length
      ? await this.ds.query(
          `SELECT pool_id, cadre_id, note, snapshot, added_by, added_at FROM talent_pool_member
            WHERE pool_id = ANY($1::uuid[]) ORDER BY added_at, cadre_id`,
          [poolIds],
        )
      : [];
    const visible = await readable([...new Set(rows.map((r) => r.cadre_id))]);
    const decisions: DecisionRow[] = visible.size
      ? await this.ds.query(
          `SELECT * FROM talent_pool_decision WHERE pool_id = ANY($1::uuid[]) AND cadre_id = ANY($2::uuid[])
            ORDER BY decided_at, id`,
          [poolIds, [...visible]],
        )
      : [];
    const live = await this.live(pools, rows, visible, asOf);
    return pools.map((pool) =>
      rows
        .filter((r) => r.pool_id === pool.id)
        .map((r) =>
          visible.has(r.cadre_id)
            ? toMember(
                r,
                live.get(pool.id)?.get(r.cadre_id) ?? null,
                decisions.filter((d) => d.pool_id === pool.id && d.cadre_id === r.cadre_id).map(toDecision),
              )
            : toHiddenMember(r),
        ),
    );
  }

  /** One member with its decisions, as addToPool returns it; undefined once removed. */
  private async member(
    em: EntityManager,
    poolId: string,
    cadreId: string,
    live: Candidate,
  ): Promise<TalentPoolMember | undefined> {
    const [row]: MemberRow[] = await em.query(
      `SELECT pool_id, cadre_id, note, snapshot, added_by, added_at FROM talent_pool_member
        WHERE pool_id = $1 AND cadre_id = $2`,
      [poolId, cadreId],
    );
    if (!row) return undefined;
    const decisions: DecisionRow[] = await em.query(
      `SELECT * FROM talent_pool_decision WHERE pool_id = $1 AND cadre_id = $2 ORDER BY decided_at, id`,
      [poolId, cadreId],
    );
    return toMember(row, live, decisions.map(toDecision));
  }

  /** Live candidates by pool, then cadre: one ranking statement for all the pools of one level and domain. */
  private async live(
    pools: readonly TalentPool[],
    rows: MemberRow[],
    visible: Set<string>,
    asOf: string,
  ): Promise<Map<string, Map<string, Candidate>>> {
    const groups = new Map<string, TalentPool[]>();
    for (const pool of pools) {
      const key = JSON.stringify([pool.targetLevel, pool.domain]);
      groups.set(key, [...(groups.get(key) ?? []), pool]);
    }
    const byPool = new Map<string, Map<string, Candidate>>();
    for (const group of groups.values()) {
      const ids = new Set(group.map((p) => p.id));
      const cadreIds = [
        ...new Set(rows.filter((r) => ids.has(r.pool_id) && visible.has(r.cadre_id)).map((r) => r.cadre_id)),
      ];
      if (cadreIds.length === 0) continue;
      const { targetLevel, domain } = group[0];
      const { candidates } = await this.candidates.forCadres(cadreIds, { targetLevel, asOf, domain });
      for (const pool of group) byPool.set(pool.id, candidates);
    }
    return byPool;
  }

  async pool(em: EntityManager, id: string): Promise<TalentPool> {
    const [row]: PoolRow[] = await em.query(`SELECT ${POOL_COLUMNS} FROM talent_pool tp WHERE tp.id = $1`, [
      id,
    ]);
    if (!row) throw DomainError.notFound('Talent pool', id);
    return toPool(row);
  }

  /** A pool belongs to its unit: departments reach it when the unit lies in their jurisdiction. */
  async assertUnit(caller: Caller, unitId: string, em?: EntityManager): Promise<void> {
    if (caller.role === Role.ADMIN) {
      const [u]: unknown[] = await (em ?? this.ds.manager).query(`SELECT 1 FROM unit WHERE id = $1`, [
        unitId,
      ]);
      if (!u) throw DomainError.notFound('Unit', unitId, 'unitId');
      return;
    }
    await this.access.assertUnitInJurisdiction(caller, unitId, em);
  }
}
