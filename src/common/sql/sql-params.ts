/** Values longer than this (array items, string characters) are not compared with those bound before. */
const LARGE = 200;

/**
 * The bind parameters of one statement, the one way every statement of the rules and their readers binds
 * values: `add` returns the typed placeholder, e.g. `$3::date`. The same value of the same type is bound once
 * (a large one each time it is added).
 */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly placeholders = new Map<string, string>();

  add(value: unknown, type: string): string {
    // A large value (a province's ids, rows as JSON) is bound as it comes: its JSON as a key would hold a second
    // copy, megabytes per request, for the statement's lifetime.
    const large =
      (Array.isArray(value) && value.length > LARGE) || (typeof value === 'string' && value.length > LARGE);
    const key = large ? `${type}:#${this.values.length}` : `${type}:${JSON.stringify(value)}`;
    let placeholder = this.placeholders.get(key);
    if (!placeholder) {
      this.values.push(value);
      placeholder = `$${this.values.length}::${type}`;
      this.placeholders.set(key, placeholder);
    }
    return placeholder;
  }

  /** Every placeholder bound so far, in order, typed. */
  all(): string[] {
    return [...this.placeholders.values()];
  }
}
