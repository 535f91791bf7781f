import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, QueryRunner } from 'typeorm';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { RequestDeadline, timedOut } from '../common/http/request-deadline';
import { payloadHash } from '../common/payload-hash';
import { AppConfig } from '../config/app-config';
import { cancelBackend } from '../database/cancel-backend';
import { claimKey, recordResult } from './idempotency.store';

/** A create mutation made safe to retry: the same key and input return the first result, written once. */
export interface Idempotency<T> {
  /** The client's idempotencyKey; without one the write simply runs. */
  key?: string | null;
  /** The mutation's name: a key used for another operation is a CONFLICT too. */
  operation: string;
  /** The mutation's input; its idempotencyKey is left out of the hash. */
  input: object;
  /** What to store to find the result again (default: its id). */
  ref?: (result: T) => string;
  /** Loads the result a retry returns, in the retry's transaction; undefined when it is gone. */
  reload: (em: EntityManager, ref: string) => Promise<T | undefined>;
}

/**
 * A COMMIT that PostgreSQL refused with an ERROR surely rolled back. A lost connection or a FATAL (the backend
 * ending, perhaps right after committing) leaves it unknown.
 */
function commitRefused(err: unknown): boolean {
  const e = err as { severity?: unknown; driverError?: { severity?: unknown } };
  return (e?.driverError?.severity ?? e?.severity) === 'ERROR';
}

/**
 * Every write goes through here: one transaction that first records who is acting, in transaction-local
 * settings the audit triggers read (see the create-audit-log migration). The audit rows therefore commit or
 * roll back with the change itself. An HR system's source is set too: the add-record-source migration's guards
 * let it write only its own rows.
 *
 * With a request deadline on the caller, a transaction never outlives its request: it does not start once the
 * time is up; each statement may take at most the time left (statement_timeout, capped by
 * DB_STATEMENT_TIMEOUT_MS); when the time runs out, the running statement is cancelled and the transaction rolls
 * back; and it is checked once more right before COMMIT (see RequestDeadline for a COMMIT already under way).
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run<T>(caller: Caller, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const deadline = caller.deadline;
    deadline?.assertOpen();
    const qr = this.ds.createQueryRunner();
    let pid: number | undefined;
    let cancelling: Promise<void> | undefined;
    const cancel = (): void => {
      if (pid !== undefined) cancelling ??= cancelBackend(this.ds, pid).catch(() => undefined);
    };
    try {
      await qr.startTransaction();
      pid = await this.begin(qr, caller, deadline);
      // The time may have run out while this waited for a pooled connection.
      if (deadline?.signal.aborted) throw timedOut();
      deadline?.signal.addEventListener('abort', cancel, { once: true });
      const result = await work(qr.manager);
      deadline?.signal.removeEventListener('abort', cancel);
      if (deadline && !deadline.enterCommit()) throw timedOut();
      await this.commit(qr, deadline);
      return result;
    } catch (err) {
      deadline?.signal.removeEventListener('abort', cancel);
      // The cancel must have reached the backend before ROLLBACK is sent: a late one would hit the next
      // statement on this connection, which by then may be another request's.
      await cancelling;
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  /**
   * run, for a create mutation with an idempotency key: the key is claimed in the same transaction as the
   * write, so it exists exactly when the write committed. A retry with the same input returns the first result
   * without writing; the same key with another input (or operation) is CONFLICT on idempotencyKey.
   */
  async runIdempotent<T>(
    caller: Caller,
    idem: Idempotency<T>,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    const key = idem.key;
    if (!key) return this.run(caller, work);
    const hash = payloadHash({
      operation: idem.operation,
      input: { ...idem.input, idempotencyKey: undefined },
    });
    return this.run(caller, async (em) => {
      const first = await claimKey(em, caller.sub, key, idem.operation, hash);
      if (!first) {
        const result = await work(em);
        const ref = idem.ref ? idem.ref(result) : (result as { id: string }).id;
        await recordResult(em, caller.sub, key, ref);
        return result;
      }
      if (first.operation !== idem.operation || first.requestHash !== hash) {
        throw DomainError.conflict(
          'idempotencyKey',
          errorText('input.idempotencyReused', { key, what: first.operation }),
        );
      }
      const again = first.resultRef ? await idem.reload(em, first.resultRef) : undefined;
      if (again === undefined) {
        throw DomainError.of(
          ErrorCode.NOT_FOUND,
          'idempotencyKey',
          errorText('input.idempotencyGone', { key }),
        );
      }
      return again;
    });
  }

  /** Who is acting (for the audit triggers) and the statement timeout, in one round trip; the backend pid. */
  private async begin(qr: QueryRunner, caller: Caller, deadline?: RequestDeadline): Promise<number> {
    const params: unknown[] = [caller.sub, caller.role, caller.requestId ?? '', caller.source ?? ''];
    let timeout = '';
    if (deadline) {
      params.push(String(Math.max(1, Math.min(this.config.DB_STATEMENT_TIMEOUT_MS, deadline.remainingMs()))));
      timeout = `, set_config('statement_timeout', $5, true)`;
    }
    const [row]: { pid: number }[] = await qr.manager.query(
      `SELECT set_config('cadre.actor_sub', $1, true), set_config('cadre.actor_role', $2, true),
              set_config('cadre.request_id', $3, true), set_config('cadre.actor_source', $4, true)${timeout},
              pg_backend_pid() AS pid`,
      params,
    );
    return row.pid;
  }

  private async commit(qr: QueryRunner, deadline?: RequestDeadline): Promise<void> {
    try {
      await qr.commitTransaction();
    } catch (err) {
      deadline?.leaveCommit(commitRefused(err) ? 'rolled-back' : 'unknown');
      throw err;
    }
    deadline?.leaveCommit('committed');
  }
}

/** Idempotency.reload for a result that is one entity row, found again by its id. */
export function entityById<E extends { id: string }>(entity: EntityTarget<E>) {
  return async (em: EntityManager, id: string): Promise<E | undefined> =>
    (await em.getRepository(entity).findOneBy({ id } as FindOptionsWhere<E>)) ?? undefined;
}
