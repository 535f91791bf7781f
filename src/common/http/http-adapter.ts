import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../../config/app-config';
import { requestIdFor } from '../../logging/request-id';
import { registerHttpPlugins } from './security-headers';

/**
 * The HTTP server: Fastify, with the settings the service and the tests share. Request bodies up to the
 * larger body limit (a full sync batch); the request gate (request-gate.ts) holds each caller to its own,
 * smaller for most. Behind a trusted proxy (TRUST_PROXY) the client address is taken from X-Forwarded-For. Every
 * request gets its id here (the caller's sensible X-Request-Id, else a new one), so the request log, the
 * GraphQL context and error answers all carry the same one. Security headers and compression:
 * security-headers.ts.
 */
export function createHttpAdapter(
  config: Pick<AppConfig, 'BODY_LIMIT' | 'SYNC_BODY_LIMIT' | 'trustProxy'> = new AppConfig(),
): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: Math.max(config.BODY_LIMIT, config.SYNC_BODY_LIMIT),
    trustProxy: config.trustProxy,
    // JSON keys `__proto__` and `constructor.prototype` are dropped while parsing (never merged into objects)
    // instead of failing the request with a bare Fastify 400 that is not a GraphQL answer.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    genReqId: (req: IncomingMessage) => requestIdFor(req),
  });
  registerHttpPlugins(adapter.getInstance());
  return adapter;
}
