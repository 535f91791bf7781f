import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/error-code';

/**
 * Answers 503 TIMEOUT when a request is not answered within `ms`, and silences whatever its handler writes
 * afterwards. The handler's statements are bounded by the statement timeout, which is set lower.
 */
export function requestTimeout(ms: number) {
  return (req: FastifyRequest, reply: FastifyReply): void => {
    const res = reply.raw;
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      const body = JSON.stringify({
        errors: [
          {
            message: 'The request took too long and was abandoned. Try again, or ask for less.',
            extensions: { code: ErrorCode.TIMEOUT, requestId: req.id },
          },
        ],
      });
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(body);
      // The handler still finishes in the background; its late answer goes nowhere.
      const late = res as unknown as Record<string, unknown>;
      late.setHeader = () => res;
      late.writeHead = () => res;
      late.write = () => true;
      late.end = () => res;
    }, ms);
    const clear = (): void => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
  };
}
