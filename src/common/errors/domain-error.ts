import { englishErrorText, ErrorText, errorText } from '../../i18n/errors';
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

  /**
   * An error of a code whose message is a sentence of the catalogue (src/i18n/error-texts.ts): English as the
   * message, Chinese (the default) by its key when the response is sent.
   */
  static of(
    code: ErrorCode,
    field: string | undefined,
    text: ErrorText,
    details?: Record<string, unknown>,
  ): DomainError {
    return new DomainError(code, englishErrorText(text), field, details).withText(text);
  }

  static badInput(field: string, message: string | ErrorText): DomainError {
    return typeof message === 'string'
      ? new DomainError(ErrorCode.BAD_USER_INPUT, message, field)
      : DomainError.of(ErrorCode.BAD_USER_INPUT, field, message);
  }

  static notFound(what: string, id: string, field = 'id'): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, field).withText(
      errorText('NOT_FOUND', { what, id }),
    );
  }

  static conflict(field: string, message: string | ErrorText): DomainError {
    return typeof message === 'string'
      ? new DomainError(ErrorCode.CONFLICT, message, field)
      : DomainError.of(ErrorCode.CONFLICT, field, message);
  }

  /** Without a message: the general refusal, in the reader's locale. */
  static forbidden(message?: ErrorText): DomainError {
    return DomainError.of(ErrorCode.FORBIDDEN, undefined, message ?? errorText('FORBIDDEN'));
  }

  static unauthenticated(message?: string): DomainError {
    const error = new DomainError(ErrorCode.UNAUTHENTICATED, message ?? 'A valid bearer token is required.');
    return message ? error : error.withText(errorText('UNAUTHENTICATED'));
  }
}
