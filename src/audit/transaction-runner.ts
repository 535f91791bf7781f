import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../auth/caller';

/**
 * Every write goes through here: one transaction that first records who is acting, in transaction-local
 * settings the audit triggers read (see the create-audit-log migration). The audit rows therefore commit or
 * roll back with the change itself. An HR system's source is set too: the add-record-source migration's guards
 * let it write only its own rows.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run<T>(caller: Caller, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (em) => {
      await em.query(
        `SELECT set_config('cadre.actor_sub', $1, true), set_config('cadre.actor_role', $2, true),
                set_config('cadre.request_id', $3, true), set_config('cadre.actor_source', $4, true)`,
        [caller.sub, caller.role, caller.requestId ?? '', caller.source ?? ''],
      );
      return work(em);
    });
  }
}
