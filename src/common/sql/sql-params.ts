/**
 * The bind parameters of one statement, the one way every statement of the rules and their readers binds
 * values: `add` returns the typed placeholder, e.g. `$3::date`. The same value of the same type is bound once.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly placeholders = new Map<string, string>();

  add(value: unknown, type: string): string {
    const key = `${type}:${JSON.stringify(value)}`;
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
