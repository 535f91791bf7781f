import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { TokenService } from '../../auth/token.service';
import { AppConfig } from '../../config/app-config';
import { createRateLimiter } from './rate-limit';
import { RequestGate } from './request-gate';
import { requestTimeout } from './request-timeout';

/**
 * Fastify hooks, so they run before any body is parsed and before Apollo's route handler: the request gate
 * on /graphql and /export/* (token, body limit, rate limit), and the request timeout on /graphql.
 */
@Module({})
export class HttpLimitsModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const timeout = requestTimeout(this.config.REQUEST_TIMEOUT_MS);
    app.addHook('onRequest', (req, reply, done) => {
      if (req.routeOptions.url === '/graphql') timeout(req, reply);
      done();
    });
    const gate = new RequestGate(this.tokens, createRateLimiter(this.config, this.ds), {
      bodyLimit: this.config.BODY_LIMIT,
      syncBodyLimit: this.config.SYNC_BODY_LIMIT,
      // a full sync batch is ~15 values a record
      maxJsonValues: Math.max(500_000, 30 * this.config.SYNC_BATCH_LIMIT),
    });
    app.decorateRequest('gate', null);
    app.addHook('onRequest', (req, reply) => gate.onRequest(req, reply));
    app.addHook('preParsing', (req, reply, payload, done) =>
      done(null, gate.preParsing(req, reply, payload)),
    );
  }
}
