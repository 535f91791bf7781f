/** Narrowing helpers for GraphQL responses read as `unknown`. */

export function field(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !(key in v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export function list(value: unknown, ...path: string[]): unknown[] {
  const v = field(value, ...path);
  return Array.isArray(v) ? (v as unknown[]) : [];
}

export function text(value: unknown, ...path: string[]): string {
  const v = field(value, ...path);
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
