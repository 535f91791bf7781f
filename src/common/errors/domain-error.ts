import { ErrorCode } from './error-code';

/** An error a service throws on purpose; the GraphQL formatter turns it into `extensions.code` and `field`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
  }

  static notFound(what: string, id: string, field = 'id'): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, field);
  }

  static conflict(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, field);
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'A valid bearer token is required.'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
}
