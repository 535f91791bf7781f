import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { registerRequestLog } from './request-log';

/**
 * JSON logs on stdout (pino): one line per HTTP request with its id, status and duration, and for GraphQL
 * the operation, the caller's role and id, and the error codes (see request-log.ts). No headers, bodies or
 * variables, so no tokens and no personal data beyond ids. Nest's own log calls go through the same logger,
 * and those made while serving a request carry its id.
 *
 * Lines are written asynchronously (pino's SonicBoom destination without a minimum length): a line goes out
 * at once, but without blocking the request, and lines logged while a write is in flight go out together in
 * the next one. Whatever is pending is flushed synchronously when the process exits.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // pino-http only builds the logger here; its request serializers would only rewrite our lines
        pinoHttp: [
          { level: config.logLevel, wrapSerializers: false },
          pino.destination({ dest: 1, sync: false }),
        ],
        // requests are logged by the Fastify hooks of registerRequestLog, not by pino-http's middleware
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pino: PinoLogger,
  ) {}

  onModuleInit(): void {
    const root = PinoLogger.root;
    if (!root) throw new Error('The pino logger is not set up');
    const app = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Everything a request logs through Nest's Logger carries its id (req.id, as on the request's own line):
    // the rest of the request runs inside this logging context (AsyncLocalStorage).
    app.addHook('onRequest', (req, _reply, done) => {
      this.pino.runInContext(done, { bindings: { req: { id: req.id } } });
    });
    registerRequestLog(app, root);
  }
}
