import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import type { LoggedRequest } from '../logging/operation-log.plugin';
import { instrumentDatabase } from './database-metrics';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { collectSpanRefresh } from './span-refresh';

/**
 * Prometheus metrics (GET /metrics, METRICS_TOKEN): HTTP and GraphQL requests, the database pool and
 * statements, sync records, span refresh time. Global, so the sync engine can count its records.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly adapterHost: HttpAdapterHost,
    private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    instrumentDatabase(this.ds, this.metrics);
    collectSpanRefresh(this.ds, this.metrics);
    const app = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const m = this.metrics;
    app.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? '(unmatched)';
      const seconds = reply.elapsedTime / 1000;
      m.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
      m.httpDuration.observe({ method: req.method, route }, seconds);
      if (route === '/graphql') {
        // operationLogPlugin notes what Apollo saw; a request the gate refused never reached it
        const log = (req as LoggedRequest).operationLog;
        const operation = log ? m.operationLabel(log.operation) : '(refused)';
        const type = log?.operationType ?? '(none)';
        const outcome = log ? (log.errorCodes?.[0] ?? 'OK') : `HTTP_${reply.statusCode}`;
        m.graphqlRequests.inc({ operation, type, outcome });
        m.graphqlDuration.observe({ operation, type }, seconds);
      }
      done();
    });
  }
}
