import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';

/** The table migration 1764233100000 creates (the app role needs no DDL). */
const TABLE = 'rate_limit';
/** A store slower than this counts as failing for that request. */
const STORE_TIMEOUT_MS = 1_000;
/** At most one log line per this long while the store fails. */
const LOG_EVERY_MS = 60_000;

type Config = Pick<AppConfig, 'RATE_LIMIT_MAX' | 'RATE_LIMIT_WINDOW_MS' | 'RATE_LIMIT_STORE'>;

/**
 * Requests per key per fixed window (rate-limiter-flexible), counted in memory or in PostgreSQL so that several
 * instances share one budget. When the shared store fails (database down, table gone, slower than 1 s), the
 * request is counted in this instance's memory instead and a warning is logged at most once a minute: the
 * service keeps answering, each instance holding every key to the limit on its own until the store is back.
 */
export class RequestRateLimiter {
  private readonly logger = new Logger('RateLimit');
  private lastWarned = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly store: RateLimiterAbstract,
    private readonly fallback?: RateLimiterMemory,
  ) {}

  /** Counts one request; returns how long to wait when the key is over its limit, or 0 when it may go ahead. */
  async hit(key: string): Promise<number> {
    try {
      await withTimeout(this.store.consume(key), STORE_TIMEOUT_MS);
      return 0;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(err.msBeforeNext, 1);
      if (!this.fallback) throw err;
      this.warn(err);
      return this.fallback.consume(key).then(
        () => 0,
        (res: RateLimiterRes) => Math.max(res.msBeforeNext, 1),
      );
    }
  }

  private warn(err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarned < LOG_EVERY_MS) return;
    this.lastWarned = now;
    this.logger.warn(
      `Rate-limit store failing (${err instanceof Error ? err.message : String(err)}); counting per instance until it is back`,
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createRateLimiter(config: Config, ds: DataSource): RequestRateLimiter {
  const options = { points: config.RATE_LIMIT_MAX, duration: config.RATE_LIMIT_WINDOW_MS / 1000 };
  if (config.RATE_LIMIT_STORE === 'memory') {
    return new RequestRateLimiter(
      options.points,
      config.RATE_LIMIT_WINDOW_MS,
      new RateLimiterMemory(options),
    );
  }
  // The app's own pool (TypeORM's pg Pool): its queries do not go through the TypeORM logger.
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const store = new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: 'pool',
    tableName: TABLE,
    tableCreated: true,
  });
  return new RequestRateLimiter(
    options.points,
    config.RATE_LIMIT_WINDOW_MS,
    store,
    new RateLimiterMemory(options),
  );
}
