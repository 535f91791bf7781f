import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { registerRequestLog } from './request-log';

/**
 * JSON logs on stdout (pino): one line per HTTP request with its id, status and duration, and for GraphQL
 * the operation, the caller's role and id, and the error codes (see request-log.ts). No headers, bodies or
 * variables, so no tokens and no personal data beyond ids. Nest's own log calls go through the same logger;
 * those made while serving a request name its id themselves.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // pino-http only builds the logger here; its request serializers would only rewrite our lines
        pinoHttp: { level: config.logLevel, wrapSerializers: false },
        // requests are logged by the Fastify hooks of registerRequestLog, not by pino-http's middleware
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = PinoLogger.root;
    if (!root) throw new Error('The pino logger is not set up');
    registerRequestLog(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), root);
  }
}
