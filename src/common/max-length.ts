import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/** Characters as PostgreSQL counts them in varchar(n): code points. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/**
 * At most `max` characters, counted as PostgreSQL counts them. class-validator's own MaxLength does not count the
 * variation selectors U+FE0E and U+FE0F, so text that passed it could still be too long for its column, and the
 * database's refusal names no field.
 */
export function MaxLength(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxLength',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && charCount(value) <= max,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be shorter than or equal to $constraint1 characters`,
          options,
        ),
      },
    },
    options,
  );
}
