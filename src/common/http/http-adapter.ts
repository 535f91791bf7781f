import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { requestIdFor } from '../../logging/request-id';
import { JSON_BODY_LIMIT } from '../../sync/sync.constants';

/**
 * The HTTP server: Fastify, with the settings the service and the tests share. Request bodies up to
 * JSON_BODY_LIMIT (a full sync batch); every request gets its id here (the caller's sensible X-Request-Id,
 * else a new one), so the request log, the GraphQL context and error answers all carry the same one.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
  });
}
