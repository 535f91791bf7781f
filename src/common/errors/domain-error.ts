import { ErrorText, errorText } from '../../i18n/errors';
import { ErrorCode } from './error-code';

/** An error a service throws on purpose; the GraphQL formatter turns it into `extensions.code` and `field`. */
export class DomainError extends Error {
  /** The message's shape, so the formatter can give it in the reader's locale (src/i18n/errors.ts). */
  text?: ErrorText;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same error with its message's shape. */
  withText(text: ErrorText): this {
    this.text = text;
    return this;
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
  }

  static notFound(what: string, id: string, field = 'id'): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, field).withText(
      errorText('NOT_FOUND', { what, id }),
    );
  }

  static conflict(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, field);
  }

  /** Without a message: the general refusal, in the reader's locale. */
  static forbidden(message?: string): DomainError {
    const error = new DomainError(ErrorCode.FORBIDDEN, message ?? 'You are not allowed to do this.');
    return message ? error : error.withText(errorText('FORBIDDEN'));
  }

  static unauthenticated(message?: string): DomainError {
    const error = new DomainError(ErrorCode.UNAUTHENTICATED, message ?? 'A valid bearer token is required.');
    return message ? error : error.withText(errorText('UNAUTHENTICATED'));
  }
}
