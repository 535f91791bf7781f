/** The bind parameters of one statement: `add` returns the typed placeholder, e.g. `$3::date`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}
