import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LOCALES, Locale } from './labels';

/**
 * A `locale` argument (LocaleArgs) sets the request's locale before its field resolves, so the reasons, messages
 * and sentences below it render in that language. Without one, the context keeps the locale of the
 * Accept-Language header (graphql-options.ts).
 */
export function useLocale(ctx: GraphQLContext, locale: unknown): void {
  if (typeof locale === 'string' && (LOCALES as readonly string[]).includes(locale)) {
    ctx.locale = locale as Locale;
  }
}

/**
 * Root fields with a `locale` argument, before they resolve. Field resolvers run no interceptors
 * (fieldResolverEnhancers is empty), so those with the argument call useLocale themselves.
 */
@Injectable()
export class LocaleInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      useLocale(gql.getContext<GraphQLContext>(), (gql.getArgs<{ locale?: unknown }>() ?? {}).locale);
    }
    return next.handle();
  }
}
