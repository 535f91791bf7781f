import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LOCALES, Locale } from './labels';

/**
 * A field with a `locale` argument (LocaleArgs) sets the request's locale before it resolves, so the reasons,
 * messages and sentences below it render in that language. Without one, the context keeps the locale of the
 * Accept-Language header (graphql-options.ts).
 */
@Injectable()
export class LocaleInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const locale = (gql.getArgs<{ locale?: unknown }>() ?? {}).locale;
      if (typeof locale === 'string' && (LOCALES as readonly string[]).includes(locale)) {
        gql.getContext<GraphQLContext>().locale = locale as Locale;
      }
    }
    return next.handle();
  }
}
