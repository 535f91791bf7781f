import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { queryReplica } from './replica';

/**
 * Whether anything an answer read from snapshot $1 may have changed since: a transaction that wrote a watched table
 * (migration 1764239200000: a row in data_change per such transaction) which this statement's snapshot sees
 * committed and $1 did not. Beside it, this statement's snapshot: the one a new answer is computed from.
 */
const CHECK_SQL = `
  SELECT pg_current_snapshot()::text AS snapshot,
         $1::pg_snapshot IS NOT NULL AND EXISTS (
           SELECT 1 FROM data_change
            WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)
         ) AS changed`;

/** How long an answer is kept at most, unchanged data or not; data_change rows are kept a day (prune). */
const TTL_MS = 10 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

interface Kept {
  /** The snapshot (pg_current_snapshot) taken before the answer was computed. */
  snapshot: string;
  value: unknown;
  size: number;
}

/**
 * Answers of the expensive lists (a province's flagged cadres, stuckTalent, candidate lists, vacancies, team
 * structures), kept in memory until the data they were read from changes. Each request still asks PostgreSQL one
 * cheap question (CHECK_SQL) in its own snapshot: has any transaction committed a write to a watched table that
 * the kept answer's snapshot did not see? If none has, the kept answer is exactly what computing it again would
 * give, so a write is never missed (a user who records a posting sees it in the next list, as before); if one
 * has, the answer is computed again and kept with the snapshot taken before it. Concurrent requests for an answer
 * being computed wait for it, then ask the same question.
 *
 * Keys are what the answer depends on besides the data: callers pass the resolved arguments (jurisdiction root,
 * asOf, filter, page), never the caller. Kept values are frozen: a resolver that changed one would change every
 * later request's answer, so it throws instead. ANSWER_CACHE_MB bounds the memory (0: nothing is kept).
 */
@Injectable()
export class AnswerCache implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(AnswerCache.name);
  private readonly kept?: LRUCache<string, Kept>;
  private readonly computing = new Map<string, Promise<unknown>>();
  private pruner?: NodeJS.Timeout;
  private pruning?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    config: AppConfig,
  ) {
    if (config.ANSWER_CACHE_MB > 0) {
      this.kept = new LRUCache<string, Kept>({
        maxSize: config.ANSWER_CACHE_MB * 1024 * 1024,
        sizeCalculation: (k) => k.size,
        ttl: TTL_MS,
      });
    }
  }

  onModuleInit(): void {
    if (!this.kept) return;
    this.pruning = this.prune();
    this.pruner = setInterval(() => {
      this.pruning = this.prune();
    }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pruner) clearInterval(this.pruner);
    await this.pruning;
  }

  /** The answer for `key` (JSON-serializable), kept or computed by `compute`. */
  async get<T>(kind: string, key: unknown, compute: () => Promise<T>): Promise<T> {
    if (!this.kept) return compute();
    const k = `${kind}:${createHash('sha256').update(JSON.stringify(key)).digest('base64')}`;
    const running = this.computing.get(k);
    if (running) await running.catch(() => undefined);
    const kept = this.kept.get(k);
    const [check] = await queryReplica<{ snapshot: string; changed: boolean }>(this.ds, CHECK_SQL, [
      kept?.snapshot ?? null,
    ]);
    if (kept && !check.changed) return kept.value as T;
    const work = compute();
    this.computing.set(k, work);
    try {
      const value = deepFreeze(await work);
      this.kept.set(k, { snapshot: check.snapshot, value, size: sizeOf(value) });
      return value;
    } finally {
      if (this.computing.get(k) === work) this.computing.delete(k);
    }
  }

  /** The rows of one read-only statement (on a replica when there are replicas), kept as `get` keeps answers. */
  rows<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
    return this.get('rows', [sql, values], () => queryReplica<T>(this.ds, sql, values as unknown[]));
  }

  /**
   * data_change rows older than a day: a kept answer lives ten minutes, so a row can matter only for a transaction
   * that wrote more than a day before it committed.
   */
  private async prune(): Promise<void> {
    try {
      await this.ds.query(`DELETE FROM data_change WHERE at < now() - interval '1 day'`);
    } catch (err) {
      this.log.warn(`data_change not pruned: ${(err as Error).message}`);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Roughly the bytes a kept value holds (its JSON, two bytes a character). */
function sizeOf(value: unknown): number {
  return Math.max(1, (JSON.stringify(value) ?? '').length * 2);
}
