import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { AuditService } from '../audit/audit.service';
import { entityById, TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { UnitEntity } from '../units/unit.entity';
import { CadreEntity } from './cadre.entity';
import { CADRE_COLUMNS } from './cadre.loader';
import { Cadre } from './cadre.model';
import { CadresArgs } from './dto/cadres.args';
import { CreateCadreInput } from './dto/create-cadre.input';
import { UpdateCadreInput } from './dto/update-cadre.input';
import { queryReplica } from '../database/replica';
import { SqlParams } from '../common/sql/sql-params';

const DEFAULT_PAGE_SIZE = 20;
/** Columns that are NOT NULL in the table: an update may change them but not clear them. */
const REQUIRED: (keyof UpdateCadreInput)[] = [
  'externalId',
  'name',
  'gender',
  'birthDate',
  'workStartDate',
  'educationLevel',
  'educationInService',
  'status',
];

/** The records that make up a cadre's history; a cadre with any of them is deleted only by an administrator. */
const HISTORY = [
  'posting',
  'training',
  'achievement',
  'appraisal',
  'talent_pool_member',
  'talent_pool_decision',
  'sanction',
  'rank_grant',
];
const HAS_HISTORY = HISTORY.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE cadre_id = $1)`).join(' OR ');

/** Escapes LIKE wildcards so a name filter matches literally. */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CadresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** A department's read of a full record is audited. */
  async get(caller: Caller, id: string): Promise<Cadre> {
    await this.access.assertCanReadCadre(caller, id);
    const [cadre]: Cadre[] = await this.ds.query(`SELECT ${CADRE_COLUMNS} FROM cadre c WHERE c.id = $1`, [
      id,
    ]);
    if (!cadre) throw DomainError.notFound('Cadre', id);
    if (caller.role === Role.ORG_DEPT) await this.audit.logRead(caller, 'cadre', id);
    return cadre;
  }

  /** The caller's own record (CADRE tokens). */
  async me(caller: Caller): Promise<Cadre> {
    if (caller.role !== Role.CADRE || !caller.cadreId) throw DomainError.forbidden();
    return this.get(caller, caller.cadreId);
  }

  /** One page ordered by name then id (keyset), and the total matching the filter. */
  async list(caller: Caller, args: CadresArgs): Promise<ConnectionShape<Cadre>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(args.after, 2);
    if (after && (typeof after[0] !== 'string' || typeof after[1] !== 'string')) {
      throw DomainError.badInput('after', errorText('input.cursor'));
    }
    // A department always gets its subtree, whatever unitId it names (outside it is FORBIDDEN).
    const f = { ...args.filter, unitId: await this.access.jurisdictionRoot(caller, args.filter?.unitId) };
    if (f.unitId && !(await this.ds.getRepository(UnitEntity).existsBy({ id: f.unitId }))) {
      throw DomainError.notFound('Unit', f.unitId, 'filter.unitId');
    }
    const p = new SqlParams();
    const where: string[] = [];
    if (f.name) where.push(`c.name ILIKE ${p.add(`%${likeEscape(f.name)}%`, 'text')} ESCAPE '\\'`);
    if (f.status) where.push(`c.status = ${p.add(f.status, 'text')}`);
    if (f.unitId || f.currentLevel) {
      // One current posting must satisfy both the subtree and the level, found through the ltree index.
      const asOf = p.add(f.asOf ?? today(), 'date');
      where.push(
        [
          'EXISTS (SELECT 1 FROM posting p JOIN unit u ON u.id = p.unit_id',
          `WHERE p.cadre_id = c.id AND p.start_date <= ${asOf} AND (p.end_date IS NULL OR p.end_date >= ${asOf})`,
          f.unitId ? `AND u.path <@ (SELECT r.path FROM unit r WHERE r.id = ${p.add(f.unitId, 'uuid')})` : '',
          f.currentLevel ? `AND p.level = ${p.add(f.currentLevel, 'text')}` : '',
          ')',
        ].join(' '),
      );
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = [...where];
    if (after) page.push(`(c.name, c.id) > (${p.add(after[0], 'text')}, ${p.add(after[1], 'uuid')})`);
    // Plain rows in the GraphQL type's shape: TypeORM's query builder and entity hydration, then a copy into
    // a Cadre, cost more Node time than the statement (npm run bench). The total and the page in one statement
    // (one round trip fewer); an empty page is one row with the total and no cadre.
    const found = await queryReplica<Cadre & { total: number }>(
      this.ds,
      `SELECT n.total, k.*
         FROM (SELECT count(*) AS total FROM cadre c ${filter}) n
         LEFT JOIN LATERAL (
           SELECT ${CADRE_COLUMNS} FROM cadre c ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
            ORDER BY c.name, c.id LIMIT ${p.add(first + 1, 'int')}) k ON true`,
      p.values,
    );
    const total = found[0]?.total ?? 0;
    const rows: Cadre[] = found[0]?.id == null ? [] : found;
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.name, r.id],
      (r) => r,
      after,
    );
  }

  async create(caller: Caller, input: CreateCadreInput): Promise<CadreEntity> {
    const { idempotencyKey: key, ...fields } = input;
    const idem = { key, operation: 'createCadre', input: fields, reload: entityById(CadreEntity) };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      const repo = em.getRepository(CadreEntity);
      const saved = await repo.save(repo.create(fields));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  async update(caller: Caller, input: UpdateCadreInput): Promise<CadreEntity> {
    const { id, ...given } = input;
    // Fields not sent arrive as undefined; only those sent change.
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    for (const key of REQUIRED) {
      if (changes[key] === null) {
        throw DomainError.badInput(key, errorText('input.cannotClear', { field: key }));
      }
    }
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, id, em);
      const repo = em.getRepository(CadreEntity);
      const cadre = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cadre) throw DomainError.notFound('Cadre', id);
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      return repo.findOneByOrFail({ id });
    });
  }

  /**
   * Removes a cadre with all their records (the foreign keys cascade). A department may remove only a cadre
   * entered by mistake, with no history yet; a cadre with history is the administrator's decision (the
   * add-record-source migration holds departments to this in the database too).
   */
  async delete(caller: Caller, id: string): Promise<string> {
    return this.tx.run(caller, async (em) => {
      await this.access.assertCanWriteCadre(caller, id, em);
      if (caller.role !== Role.ADMIN) {
        const [{ has }]: { has: boolean }[] = await em.query(`SELECT ${HAS_HISTORY} AS has`, [id]);
        if (has) {
          throw DomainError.of(ErrorCode.FORBIDDEN, 'id', errorText('access.cadreHistoryDelete'), {
            reason: 'CADRE_HAS_HISTORY',
          });
        }
      }
      const result = await em.getRepository(CadreEntity).delete({ id });
      if (!result.affected) throw DomainError.notFound('Cadre', id);
      return id;
    });
  }
}
