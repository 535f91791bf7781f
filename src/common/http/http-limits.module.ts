import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { requestTimeout } from './request-timeout';

/** The request timeout on /graphql (a Fastify hook, so it runs before Apollo's route handler). */
@Module({})
export class HttpLimitsModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const timeout = requestTimeout(this.config.REQUEST_TIMEOUT_MS);
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('onRequest', (req, reply, done) => {
      if (req.routeOptions.url === '/graphql') timeout(req, reply);
      done();
    });
  }
}
