import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A caller's own X-Request-Id when it is sensible, else a new one (Fastify's `genReqId`; echoed back). */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The id the HTTP layer gave this request (the same one the logs and errors carry). */
export function requestIdOf(req: { id?: unknown; headers: IncomingMessage['headers'] }): string {
  return typeof req.id === 'string' ? req.id : requestIdFor(req as IncomingMessage);
}
