import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { AuditEntry, AuditEntryRow } from './audit-entry.model';
import { AuditLogArgs } from './dto/audit-log.args';
import { queryReplica } from '../database/replica';
import { SqlParams } from '../common/sql/sql-params';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A read of a full personal record; changes are logged by the database triggers instead. */
  async logRead(caller: Caller, entity: string, entityId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO audit_log (actor_sub, actor_role, action, entity, entity_id, request_id)
       VALUES ($1, $2, 'READ', $3, $4, $5)`,
      [caller.sub, caller.role, entity, entityId, caller.requestId ?? null],
    );
  }

  /** Newest first, keyset pages on the id. */
  async list(_caller: Caller, args: AuditLogArgs): Promise<ConnectionShape<AuditEntry>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(args.after, 1);
    if (after && typeof after[0] !== 'string') {
      throw DomainError.badInput('after', errorText('input.cursor'));
    }
    const f = args.filter ?? {};
    const where: string[] = [];
    const p = new SqlParams();
    if (f.entity) where.push(`entity = ${p.add(f.entity, 'text')}`);
    if (f.entityId) where.push(`entity_id = ${p.add(f.entityId, 'text')}`);
    if (f.actorSub) where.push(`actor_sub = ${p.add(f.actorSub, 'text')}`);
    if (f.action) where.push(`action = ${p.add(f.action, 'text')}`);
    if (f.from) where.push(`at >= ${p.add(f.from, 'timestamptz')}`);
    if (f.to) where.push(`at < ${p.add(f.to, 'timestamptz')}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await queryReplica<{ n: number }>(
      this.ds,
      `SELECT count(*)::int AS n FROM audit_log ${filter}`,
      [...p.values],
    );
    const pageWhere = after
      ? `${filter ? `${filter} AND` : 'WHERE'} id < ${p.add(after[0], 'bigint')}`
      : filter;
    const rows = await queryReplica<AuditEntryRow>(
      this.ds,
      `SELECT id::text, at, actor_sub, actor_role, action, entity, entity_id, before, after, request_id
         FROM audit_log ${pageWhere} ORDER BY audit_log.id DESC LIMIT ${p.add(first + 1, 'int')}`,
      p.values,
    );
    return toConnection(
      rows,
      first,
      n,
      (r) => [r.id],
      (r) => AuditEntry.from(r),
      after,
    );
  }
}
