import { errorText } from '../../i18n/errors';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** How a COMMIT ended: 'unknown' when the connection failed before PostgreSQL answered. */
export type CommitOutcome = 'committed' | 'rolled-back' | 'unknown';

/**
 * The time a request has left, kept with the request and passed into services on the caller. When it runs out,
 * `signal` aborts: running transactions are cancelled and rolled back, new ones do not start, and none of them
 * commits afterwards.
 *
 * The one window left is a COMMIT already sent when the time runs out: PostgreSQL may well commit it. So a
 * transaction announces its COMMIT (`enterCommit`, refused once aborted) and reports the outcome
 * (`leaveCommit`), and `expire` tells the HTTP timeout whether TIMEOUT is still true: only if no COMMIT of this
 * request committed or is in flight. Otherwise the request is not answered TIMEOUT; its handler answers with
 * what it did, since the write landed (any later transaction of the request is refused with TIMEOUT).
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private readonly expiresAt: number;
  private inFlight = 0;
  private mayHaveCommitted = false;
  private settled: (() => void)[] = [];

  constructor(ms: number) {
    this.expiresAt = Date.now() + ms;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Milliseconds left; 0 once aborted. */
  remainingMs(): number {
    return this.signal.aborted ? 0 : Math.max(0, this.expiresAt - Date.now());
  }

  /** Throws TIMEOUT if the time is up; called before a transaction starts. */
  assertOpen(): void {
    if (this.remainingMs() <= 0) throw timedOut();
  }

  /** Right before COMMIT: false (roll back instead) once the time is up. */
  enterCommit(): boolean {
    if (this.signal.aborted) return false;
    this.inFlight += 1;
    return true;
  }

  leaveCommit(outcome: CommitOutcome): void {
    if (outcome !== 'rolled-back') this.mayHaveCommitted = true;
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const done of this.settled.splice(0)) done();
  }

  /**
   * Aborts, then resolves once no COMMIT is in flight: true when nothing of this request was or will be
   * committed (answering TIMEOUT is then the truth), false when something may have been.
   */
  async expire(): Promise<boolean> {
    this.controller.abort();
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.settled.push(resolve));
    return !this.mayHaveCommitted;
  }
}

/** A transaction refused because the request's time is up: nothing of it was written. */
export function timedOut(): DomainError {
  return DomainError.of(ErrorCode.TIMEOUT, undefined, errorText('request.abandoned'));
}
