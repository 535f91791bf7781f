import { DomainError } from '../common/errors/domain-error';

/**
 * How a rule's params are checked before a policy is published (validatePolicyDocument). Each rule file
 * declares its shape; `check` holds what a shape cannot say. Throws BAD_USER_INPUT naming the first bad field.
 */
export interface ParamShape {
  /** Any number ≥ 0. */
  numbers?: string[];
  /** Whole numbers ≥ 0. */
  counts?: string[];
  /** Lists of position_level codes. */
  levelLists?: string[];
  stringLists?: string[];
  check?: (params: Json, field: string, levels: ReadonlySet<string>) => void;
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const bad = (field: string, message: string): never => {
  throw DomainError.badInput(field, message);
};

export function object(v: unknown, field: string): Json {
  return isObject(v) ? v : bad(field, `${field} must be an object.`);
}

export function text(v: unknown, field: string): string {
  return typeof v === 'string' && v.trim().length > 0
    ? v
    : bad(field, `${field} must be a non-empty string.`);
}

export function number(v: unknown, field: string, whole = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return bad(field, `${field} must be a number.`);
  if (v < 0) return bad(field, `${field} cannot be negative (got ${v}).`);
  if (whole && !Number.isInteger(v)) return bad(field, `${field} must be a whole number (got ${v}).`);
  return v;
}

export function strings(v: unknown, field: string): string[] {
  if (!Array.isArray(v)) return bad(field, `${field} must be a list of strings.`);
  return v.map((s, i) => text(s, `${field}[${i}]`));
}

export function level(code: unknown, field: string, levels: ReadonlySet<string>): string {
  const c = text(code, field);
  return levels.has(c) ? c : bad(field, `${field}: "${c}" is not a known level code.`);
}

/** Checks one rule's params against its shape. */
export function validateParams(
  shape: ParamShape,
  params: Json,
  field: string,
  levels: ReadonlySet<string>,
): void {
  for (const k of shape.numbers ?? []) number(params[k], `${field}.${k}`);
  for (const k of shape.counts ?? []) number(params[k], `${field}.${k}`, true);
  for (const k of shape.levelLists ?? []) {
    strings(params[k], `${field}.${k}`).forEach((c, i) => level(c, `${field}.${k}[${i}]`, levels));
  }
  for (const k of shape.stringLists ?? []) strings(params[k], `${field}.${k}`);
  shape.check?.(params, field, levels);
}
