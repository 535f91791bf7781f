import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './errors/domain-error';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const e = errors[0];
  const field = prefix ? `${prefix}.${e.property}` : e.property;
  if (e.constraints) return { field, message: Object.values(e.constraints)[0] };
  if (e.children?.length) return firstProblem(e.children, field);
  return { field, message: `${field} is not valid.` };
}

/** class-validator on every input; the first problem becomes a BAD_USER_INPUT naming its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const { field, message } = firstProblem(errors);
      return DomainError.badInput(field, message);
    },
  });
}
