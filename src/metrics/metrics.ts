import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names are the client's choice: past this many distinct ones, the rest count as '(other)'. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The service's Prometheus metrics, in a registry of its own (one per app, so test apps in one process do not
 * collide). Filled by the HTTP hook (metrics.module.ts), the pool and statement probes (database-metrics.ts),
 * the sync engine and the span-refresh reader; served at GET /metrics.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  /** Set by the database probes: read the pool and the span statistics at scrape time. */
  readPool?: () => void;
  readSpanRefresh?: () => Promise<void>;

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration (first byte in to last byte out) by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name, type and outcome (OK or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly dbPool = new Gauge({
    name: 'db_pool_connections',
    help: "The service pool's connections: in_use, idle, and waiting (requests queued for a connection).",
    labelNames: ['state'] as const,
    registers: [this.registry],
    collect: () => this.readPool?.(),
  });

  readonly dbStatementDuration = new Histogram({
    name: 'db_statement_duration_seconds',
    help: 'SQL statement duration as the service sees it (sent to answer), by leading keyword.',
    labelNames: ['statement', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });

  readonly syncRecords = new Counter({
    name: 'sync_records_total',
    help: 'Records of committed sync runs by kind and outcome (dry runs and refused atomic batches included).',
    labelNames: ['kind', 'outcome', 'dry_run'] as const,
    registers: [this.registry],
  });

  readonly spanRefreshSeconds = new Counter({
    name: 'rule_span_refresh_seconds_total',
    help:
      'Time PostgreSQL spent in the span-refresh functions (pg_stat_user_functions.total_time; the whole ' +
      'database, every instance; needs track_functions = pl).',
    labelNames: ['function'] as const,
    registers: [this.registry],
    collect: () => this.readSpanRefresh?.(),
  });

  readonly spanRefreshCalls = new Counter({
    name: 'rule_span_refresh_calls_total',
    help: 'Calls of the span-refresh functions (pg_stat_user_functions.calls; needs track_functions = pl).',
    labelNames: ['function'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** An operation name fit for a label: well-formed and among the first MAX_OPERATION_NAMES seen. */
  operationLabel(name: string | undefined): string {
    if (!name) return '(none)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
