import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/error-code';
import { RequestDeadline } from './request-deadline';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /graphql: the request's time limit, passed into services on the caller. */
    deadline?: RequestDeadline;
  }
}

/**
 * Gives the request a deadline of `ms`. When it passes, the deadline aborts (its transactions are cancelled and
 * roll back) and the request is answered 503 TIMEOUT, unless one of its transactions committed or was committing
 * (see RequestDeadline): then its handler answers with what was written. A handler answering after a TIMEOUT
 * answer is silenced.
 */
export function requestTimeout(ms: number) {
  return (req: FastifyRequest, reply: FastifyReply): void => {
    const res = reply.raw;
    const deadline = new RequestDeadline(ms);
    req.deadline = deadline;
    const answerTimeout = (): void => {
      if (res.headersSent || res.writableEnded) return;
      const body = JSON.stringify({
        errors: [
          {
            message:
              'The request took too long and was abandoned; nothing was written. Try again, or ask for less.',
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
    };
    const timer = setTimeout(() => {
      void deadline.expire().then((nothingWritten) => {
        if (nothingWritten) answerTimeout();
      });
    }, ms);
    const clear = (): void => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
  };
}
