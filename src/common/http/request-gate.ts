import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { bearerToken } from '../../auth/bearer-token';
import { Caller, Role } from '../../auth/caller';
import { TokenService } from '../../auth/token.service';
import { ErrorCode } from '../errors/error-code';
import type { RequestRateLimiter } from './rate-limit';

/** What the gate learnt about a request: its verified caller (if any) and the body size it may send. */
export interface GateState {
  caller?: Caller;
  bodyLimit: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the request gate on /graphql and /export/*; null elsewhere. */
    gate: GateState | null;
  }
}

export interface GateOptions {
  bodyLimit: number;
  syncBodyLimit: number;
  /**
   * At most this many JSON values in a body, counted by their `[ { , :` bytes (strings' included; a key and
   * its value count twice): a
   * 25 MB body of `[[],[],…]` or `[0,0,…]` is millions of values, hundreds of MB once JSON.parse has built
   * them. Only a body larger than this many bytes can pass it, so only HR_SYNC and ADMIN bodies are counted.
   */
  maxJsonValues: number;
}

/** The paths the gate guards: everything a token or a body reaches, and the sign-in routes. */
export function isGated(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path === '/graphql' || path.startsWith('/export/') || path.startsWith('/auth/');
}

/** The caller of a request: the one the gate verified, else its bearer token verified now (undefined: none). */
export async function callerOf(req: FastifyRequest, tokens: TokenService): Promise<Caller | undefined> {
  if (req.gate) return req.gate.caller ? { ...req.gate.caller } : undefined;
  const token = bearerToken(req.headers.authorization);
  return token ? tokens.verify(token) : undefined;
}

/**
 * Whom a request counts against: its verified token's role and subject (every token of one subject and role
 * shares one budget, however the header is spelt), else its client address (X-Forwarded-For's behind a
 * trusted proxy). A long subject is hashed to fit the store's key.
 */
function rateKey(req: FastifyRequest, caller: Caller | undefined): string {
  if (!caller) return `a:${req.ip || '-'}`;
  const sub =
    caller.sub.length <= 128 ? caller.sub : createHash('sha256').update(caller.sub).digest('base64url');
  return `t:${caller.role}:${sub}`;
}

function errorBody(message: string, extensions: Record<string, unknown>): { errors: object[] } {
  return { errors: [{ message, extensions }] };
}

function tooLarge(req: FastifyRequest, limit: number, maxJsonValues?: number): { errors: object[] } {
  return errorBody(
    maxJsonValues === undefined
      ? `The request body is too large: at most ${limit} bytes for this caller.`
      : `The request body has too many JSON values: at most ${maxJsonValues}.`,
    {
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      limit,
      ...(maxJsonValues === undefined ? {} : { maxJsonValues }),
      requestId: req.id,
    },
  );
}

/** `,` `:` `[` `{`: one of them per JSON value, give or take one. */
function countValueBytes(chunk: Buffer): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    const b = chunk[i];
    if (b === 0x2c || b === 0x3a || b === 0x5b || b === 0x7b) n += 1;
  }
  return n;
}

/**
 * Cheap before costly, for /graphql and /export/*: the bearer token is verified once (the GraphQL context and
 * the export guard reuse the caller), the body is held to the caller's limit (BODY_LIMIT without an HR_SYNC
 * or ADMIN token, SYNC_BODY_LIMIT with one) by its Content-Length at once and by counting while it streams,
 * and each request counts against the caller's rate limit; all before a byte of the body is parsed.
 */
export class RequestGate {
  constructor(
    private readonly tokens: TokenService,
    private readonly limiter: RequestRateLimiter,
    private readonly options: GateOptions,
  ) {}

  /** Fastify onRequest: answers 413 or 429 itself (returning the reply), or lets the request go on. */
  async onRequest(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!isGated(req.url)) return undefined;
    const token = bearerToken(req.headers.authorization);
    const caller = token ? await this.tokens.verify(token) : undefined;
    const big = caller?.role === Role.HR_SYNC || caller?.role === Role.ADMIN;
    const bodyLimit = big ? this.options.syncBodyLimit : this.options.bodyLimit;
    req.gate = { caller, bodyLimit };
    const length = Number(req.headers['content-length']);
    if (length > bodyLimit) {
      // The body is never read: the connection is closed after the answer.
      return reply
        .code(413)
        .header('connection', 'close')
        .type('application/json')
        .send(JSON.stringify(tooLarge(req, bodyLimit)));
    }
    if (req.method === 'OPTIONS') return undefined;
    const waitMs = await this.limiter.hit(rateKey(req, caller));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      const body = errorBody(
        `Too many requests: at most ${this.limiter.max} operations per ${this.limiter.windowMs / 1000} s. Try again in ${retryAfterSeconds} s.`,
        { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds, requestId: req.id },
      );
      return reply
        .code(429)
        .header('retry-after', String(retryAfterSeconds))
        .type('application/json')
        .send(JSON.stringify(body));
    }
    return undefined;
  }

  /**
   * Fastify preParsing: counts the body's bytes (and, for large bodies, its JSON values) as they arrive and
   * cuts it past the caller's limit.
   */
  preParsing(req: FastifyRequest, reply: FastifyReply, payload: Readable): Readable {
    const gate = req.gate;
    if (!gate) return payload;
    const limit = gate.bodyLimit;
    const maxValues = this.options.maxJsonValues;
    const countValues = limit > maxValues;
    let received = 0;
    let values = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        received += chunk.length;
        if (countValues) values += countValueBytes(chunk);
        if (received <= limit && values <= maxValues) return done(null, chunk);
        reply.raw.setHeader('connection', 'close');
        // Fastify hands the error to Nest's exception layer, which answers with this body and status.
        const body = tooLarge(req, limit, received <= limit ? maxValues : undefined);
        done(Object.assign(new HttpException(body, 413), { statusCode: 413 }));
      },
    });
    payload.pipe(counter);
    return counter;
  }
}
