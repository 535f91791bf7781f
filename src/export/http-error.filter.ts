import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { fromDatabaseError } from '../common/errors/database-errors';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { errorText, localizeErrorMessage } from '../i18n/errors';
import { pickLocale } from '../i18n/labels';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

/**
 * Export routes answer errors as JSON with the same codes as GraphQL's extensions.code. Once a CSV has
 * started streaming the status is sent, so a late failure can only cut the download short.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Export');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const domain = exception instanceof DomainError ? exception : fromDatabaseError(exception);
    if (!domain) {
      const what = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`requestId=${res.request.id} ${what}`);
    }
    if (res.sent || res.raw.headersSent) {
      res.raw.destroy();
      return;
    }
    if (!domain && exception instanceof HttpException) {
      void res.code(exception.getStatus()).send({ code: 'BAD_REQUEST', message: exception.message });
      return;
    }
    const code = domain?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
    // In the reader's locale: the `locale` query parameter, else Accept-Language (as the files themselves).
    const query = res.request.query as { locale?: string } | undefined;
    const locale = pickLocale(query?.locale, res.request.headers['accept-language']);
    void res.code(STATUS[code] ?? 500).send({
      code,
      message: domain
        ? localizeErrorMessage(domain.message, domain.text, locale)
        : localizeErrorMessage('Something went wrong on our side.', errorText(code), locale),
      ...(domain?.field ? { field: domain.field } : {}),
    });
  }
}
