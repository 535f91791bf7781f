import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { errorText, localizeErrorMessage } from '../i18n/errors';
import { SERVICE_ERROR_TEXTS } from '../i18n/error-texts';
import { SyncRecordError } from './sync-run.model';

@Resolver(() => SyncRecordError)
export class SyncRecordErrorResolver {
  @ResolveField(() => String, {
    description:
      'What is wrong, for a person, in the caller’s locale: the sentence of the check that failed (with its values), else the sentence of `code`.',
  })
  message(@Parent() e: SyncRecordError, @Context() ctx: GraphQLContext): string {
    if (e.text) return localizeErrorMessage(e.message, e.text, ctx.locale);
    // Stored before rejections carried their text: English as stored, Chinese from the code.
    const byCode = `sync.code.${e.code}`;
    return byCode in SERVICE_ERROR_TEXTS
      ? localizeErrorMessage(e.message, errorText(byCode), ctx.locale)
      : e.message;
  }
}
