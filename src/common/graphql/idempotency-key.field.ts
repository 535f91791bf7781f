import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

/** Also checked by the idempotency_key table (idempotency_key_format_check). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The optional idempotencyKey of a create mutation's input; see TransactionRunner.runIdempotent. */
export function IdempotencyKeyField(): PropertyDecorator {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description:
        'Makes a retry safe: sending the same key with the same input again returns the first result and writes nothing; the same key with another input is CONFLICT. Kept 7 days, per token subject. 1 to 100 of A-Z a-z 0-9 _ . : -',
    }),
    IsOptional(),
    Matches(IDEMPOTENCY_KEY, {
      message: 'idempotencyKey is 1 to 100 letters, digits, "_", ".", ":" or "-".',
    }),
  );
}
