import { ErrorCode } from './error-code';

export interface TransientError {
  code: ErrorCode.TIMEOUT | ErrorCode.SERVICE_UNAVAILABLE;
  message: string;
}

const TIMEOUT: TransientError = {
  code: ErrorCode.TIMEOUT,
  message: 'The database took too long to answer and the request was cancelled. Try again, or ask for less.',
};
const UNAVAILABLE: TransientError = {
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message: 'The database is not reachable right now. Try again shortly.',
};

/** SQLSTATEs: 57014 statement timeout, 55P03 lock timeout; 57P0x shutdown/terminated, 08xxx connection, 53300 too many. */
const BY_SQLSTATE: Record<string, TransientError> = { '57014': TIMEOUT, '55P03': TIMEOUT };
const UNAVAILABLE_SQLSTATE = /^(57P0[1-3]|08...|53300)$/;
const UNAVAILABLE_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/i;

/**
 * Errors of the moment rather than of the request: the statement timeout, or a database that is down or dropped
 * the connection. They keep their own codes so a client knows a retry may work; the details stay in the log.
 */
export function transientError(err: unknown): TransientError | undefined {
  // Duck-typed: socket errors come from Node's core, which may be another realm than this code's.
  if (typeof err !== 'object' || err === null) return undefined;
  const driver = (err as { driverError?: unknown }).driverError;
  const e = (typeof driver === 'object' && driver !== null ? driver : err) as {
    code?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  if (BY_SQLSTATE[code]) return BY_SQLSTATE[code];
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE.has(code)) return UNAVAILABLE;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return UNAVAILABLE;
  return undefined;
}
