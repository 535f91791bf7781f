import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { LoggedRequest } from './operation-log.plugin';
import { genRequestId } from './request-id';

/**
 * JSON logs on stdout (pino): one line per HTTP request with its id, status and duration, and for GraphQL
 * the operation, the caller's role and id, and the error codes. No headers, bodies or variables, so no tokens
 * and no personal data beyond ids. Nest's own log calls go through the same logger and carry the request id.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: genRequestId,
          customProps: (req: IncomingMessage) => ({ ...(req as LoggedRequest).operationLog }),
          customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
            if (err || res.statusCode >= 500) return 'error';
            if (res.statusCode >= 400) return 'warn';
            // Health probes come every few seconds; they are logged only when they fail.
            return req.url?.startsWith('/health/') ? 'silent' : 'info';
          },
          serializers: {
            req: (req: { id?: unknown; method?: string; url?: string }) => ({
              id: req.id,
              method: req.method,
              // a GET query string can carry variables: the path is enough
              url: req.url?.split('?')[0],
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
          customAttributeKeys: { responseTime: 'durationMs' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
