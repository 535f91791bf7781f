import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../auth/caller';
import type { RequestDeadline } from '../http/request-deadline';
import type { Locale } from '../../i18n/labels';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: FastifyRequest;
  requestId: string;
  /** The request's time limit (also on the caller, for services). */
  deadline?: RequestDeadline;
  caller?: Caller;
  loaders: Loaders;
  /** The reader's language: a field's `locale` argument (LocaleInterceptor), else Accept-Language, else zh-CN. */
  locale: Locale;
}
