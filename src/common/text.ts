/** A lone UTF-16 surrogate: with the u flag a well-formed pair is one code point and never matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why PostgreSQL cannot store this text exactly, or null. It refuses U+0000 outright, and the driver would
 * write an unpaired surrogate as U+FFFD: either way the value read back would not be the value sent.
 */
export function unstorableReason(field: string, text: string): string | null {
  if (text.includes('\u0000')) return `${field} holds U+0000 (NUL), which cannot be stored.`;
  if (LONE_SURROGATE.test(text)) {
    return `${field} holds an unpaired UTF-16 surrogate (not valid Unicode), which cannot be stored.`;
  }
  return null;
}

export interface TextProblem {
  field: string;
  message: string;
}

/**
 * Every string (and object key) in a plain value that cannot be stored, with its path (`records.3.name`).
 * `skip(path)` leaves a subtree out; at most `limit` problems, in document order.
 */
export function unstorableText(
  value: unknown,
  options: { path?: string; limit?: number; skip?: (path: string) => boolean } = {},
): TextProblem[] {
  const out: TextProblem[] = [];
  const limit = options.limit ?? Infinity;
  const walk = (v: unknown, path: string): void => {
    if (out.length >= limit || (path && options.skip?.(path))) return;
    if (typeof v === 'string') {
      const message = unstorableReason(path || 'value', v);
      if (message) out.push({ field: path || 'value', message });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [key, child] of entries) {
      // A key that cannot be stored is named escaped (\u0000), so the report of it can be stored.
      const bad = unstorableReason('', key) !== null;
      const at = `${path ? `${path}.` : ''}${bad ? JSON.stringify(key).slice(1, -1) : key}`;
      const keyProblem = bad ? unstorableReason(at, key) : null;
      if (keyProblem) out.push({ field: at, message: keyProblem });
      walk(child, at);
    }
  };
  walk(value, options.path ?? '');
  return out.slice(0, limit);
}

const perRecord = new WeakMap<object, Set<string>>();

/**
 * Marks an input's list whose items a service checks one by one (sync records): the validation pipe then
 * leaves their text alone, so one bad record is rejected by itself rather than refusing the whole call.
 */
export function CheckedPerRecord(): PropertyDecorator {
  return (target, key) => {
    const keys = perRecord.get(target) ?? new Set<string>();
    keys.add(String(key));
    perRecord.set(target, keys);
  };
}

/** The properties of a class (or its ancestors) marked CheckedPerRecord. */
export function checkedPerRecord(type: unknown): Set<string> {
  const out = new Set<string>();
  if (typeof type !== 'function') return out;
  for (let p: unknown = type.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of perRecord.get(p) ?? []) out.add(k);
  }
  return out;
}
