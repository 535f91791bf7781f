import { ValidationError, ValidateBy, ValidationOptions, validateSync } from 'class-validator';
import { constraintProblem } from '../common/errors/database-errors';
import { isIsoDate } from '../common/graphql/date.scalar';
import { errorText, inputErrorText, unstorableErrorText } from '../i18n/errors';
import { unstorableReason, unstorableText } from '../common/text';
import { Indexed, RecordError, RecordErrorCode, SyncHandler } from './sync.types';

/** A record field holding a calendar date written YYYY-MM-DD (strings, so one bad date rejects one record). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'date'} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/**
 * A record's cross-field checks, each paired with the database constraint it anticipates: a failed check is
 * rejected with that constraint's field and sentence, the same words a single GraphQL write would give.
 */
export function violatedConstraints(
  checks: readonly (readonly [failed: boolean, constraint: string])[],
): RecordError[] {
  return checks
    .filter(([failed]) => failed)
    .map(([, constraint]) => ({ ...constraintProblem(constraint), code: RecordErrorCode.INVALID }));
}

function flatten(errors: ValidationError[], prefix = ''): RecordError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: RecordErrorCode.INVALID,
      message,
      text: inputErrorText(field, constraint, message),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Text PostgreSQL cannot store exactly, in any field of the record (rejected before anything else). */
export function unstorableFields(record: object): RecordError[] {
  return unstorableText(record).map((p) => ({
    ...p,
    code: RecordErrorCode.INVALID,
    text: unstorableErrorText(p.field, p.message),
  }));
}

/**
 * Node-side checks of a batch: text that cannot be stored, each record's shape (class-validator), the
 * handler's cross-field checks, and keys sent more than once (every copy is rejected: the batch does not say
 * which one is right).
 */
export function validateBatch<R extends object>(
  handler: SyncHandler<R>,
  records: readonly object[],
): { valid: Indexed<R>[]; rejected: Map<number, RecordError[]> } {
  const rejected = new Map<number, RecordError[]>();
  const typed: Indexed<R>[] = [];
  const positions = new Map<string, number[]>();
  records.forEach((plain, index) => {
    // A plain copy onto the class is enough for its decorators, and far cheaper than class-transformer.
    const record = Object.assign(new handler.recordClass(), plain);
    const unstorable = unstorableFields(record);
    const errors = unstorable.length
      ? unstorable
      : flatten(validateSync(record, { forbidUnknownValues: false }));
    if (errors.length === 0) errors.push(...handler.check(record));
    if (errors.length) rejected.set(index, errors);
    typed.push({ index, record });
    // An unstorable key is rejected already; it must not reach a duplicate message either.
    const key: unknown = handler.key(record);
    if (typeof key === 'string' && unstorableReason('key', key) === null) {
      positions.set(key, [...(positions.get(key) ?? []), index]);
    }
  });
  for (const [key, at] of positions) {
    if (at.length < 2) continue;
    for (const index of at) {
      const error = {
        field: handler.keyField,
        code: RecordErrorCode.DUPLICATE_IN_BATCH,
        message: `The key ${key} appears ${at.length} times in this batch (records ${at.join(', ')}); send it once.`,
        text: errorText('sync.duplicateInBatch', { key, n: at.length, at: at.join('、') }),
      };
      rejected.set(index, [...(rejected.get(index) ?? []), error]);
    }
  }
  const batchErrors: Map<number, RecordError[]> =
    handler.checkBatch?.(typed.filter((r) => !rejected.has(r.index))) ?? new Map<number, RecordError[]>();
  for (const [index, errors] of batchErrors) rejected.set(index, [...(rejected.get(index) ?? []), ...errors]);
  return { valid: typed.filter((r) => !rejected.has(r.index)), rejected };
}
