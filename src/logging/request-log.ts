import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { LoggedRequest } from './operation-log.plugin';

type Level = 'error' | 'warn' | 'info';

/**
 * One JSON line per HTTP request, written when the response has gone out: the request id, method and path
 * (never the query string, which can carry variables), the status and the duration, and for GraphQL what
 * operationLogPlugin noted (operation, type, the caller's role and id, error codes). 5xx at error level,
 * 4xx at warn, the rest at info; health probes only when they fail. Every response carries the request id
 * in X-Request-Id (set on Node's response, so it survives responses written there directly, like CSV).
 *
 * Fastify hooks rather than an Express-style middleware: no child logger, no extra listeners per request.
 */
export function registerRequestLog(app: FastifyInstance, logger: Logger): void {
  app.decorateRequest('operationLog', null);
  app.addHook('onRequest', (req, reply, done) => {
    reply.raw.setHeader('x-request-id', req.id);
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    const status = reply.statusCode;
    const level: Level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if ((level !== 'info' || !isHealthProbe(req)) && logger.isLevelEnabled(level)) {
      logger[level](line(req, reply), status >= 500 ? 'request errored' : 'request completed');
    }
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    logger.error(line(req), 'request aborted');
    done();
  });
}

function isHealthProbe(req: FastifyRequest): boolean {
  return req.url.startsWith('/health/');
}

function line(req: FastifyRequest, reply?: FastifyReply): Record<string, unknown> {
  const url = req.url;
  const q = url.indexOf('?');
  const fields: Record<string, unknown> = {
    req: { id: req.id, method: req.method, url: q < 0 ? url : url.slice(0, q) },
    ...(req as LoggedRequest).operationLog,
  };
  if (reply) {
    fields.res = { statusCode: reply.statusCode };
    fields.durationMs = Math.round(reply.elapsedTime);
  }
  return fields;
}
