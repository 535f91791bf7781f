import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { inputErrorText, unstorableErrorText } from '../i18n/errors';
import { DomainError } from './errors/domain-error';
import { checkedPerRecord, unstorableText } from './text';

function firstProblem(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string; constraint?: string } {
  const e = errors[0];
  const field = prefix ? `${prefix}.${e.property}` : e.property;
  if (e.constraints) {
    const [constraint, message] = Object.entries(e.constraints)[0];
    return { field, message, constraint };
  }
  if (e.children?.length) return firstProblem(e.children, field);
  return { field, message: `${field} is not valid.` };
}

/**
 * What a client sends: GraphQL arguments (GqlParamtype.ARGS, which @nestjs/graphql does not export) and HTTP
 * body, query and route parameters. Never the GraphQL context, parent or info, nor the caller.
 */
const CLIENT_INPUT = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * Text PostgreSQL cannot store exactly (U+0000, unpaired surrogates) anywhere in an argument is BAD_USER_INPUT
 * naming its field, before any other check; lists marked CheckedPerRecord are left to their service.
 */
class StorableTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!CLIENT_INPUT.has(metadata.type)) return super.transform(value, metadata);
    const skipped = checkedPerRecord(metadata.metatype);
    const [problem] = unstorableText(value, {
      // A scalar argument is named by its argument; an object's fields by their own names, as below.
      path: typeof value === 'string' ? (metadata.data ?? '') : '',
      limit: 1,
      skip: (path) => skipped.has(path),
    });
    if (problem) {
      throw DomainError.badInput(problem.field, problem.message).withText(
        unstorableErrorText(problem.field, problem.message),
      );
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every input; the first problem becomes a BAD_USER_INPUT naming its field. */
export function createValidationPipe(): ValidationPipe {
  return new StorableTextValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const { field, message, constraint } = firstProblem(errors);
      return DomainError.badInput(field, message).withText(inputErrorText(field, constraint, message));
    },
  });
}
