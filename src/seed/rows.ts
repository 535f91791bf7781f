/** Column buffers for set-based inserts: one JS array per column, sent as one PostgreSQL array per column. */
export type Cell = string | number | boolean | null;

/** Runs one statement; the caller decides whether it runs inside an open transaction or its own. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

export class RowBuffer {
  readonly cols: Cell[][];

  /** `columns`: `[name, PostgreSQL element type]`, e.g. `['cadre_id', 'uuid']`. */
  constructor(
    readonly table: string,
    readonly columns: readonly (readonly [string, string])[],
  ) {
    this.cols = columns.map(() => []);
  }

  push(...values: Cell[]): void {
    if (values.length !== this.cols.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.cols.length} columns`);
    }
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
  }

  get length(): number {
    return this.cols[0].length;
  }

  clear(): void {
    for (const c of this.cols) c.length = 0;
  }

  /** `INSERT … SELECT * FROM unnest($1::uuid[], …)` for chunks of `chunkSize` rows; returns rows written. */
  async insert(run: RunSql, chunkSize = 10_000): Promise<number> {
    const names = this.columns.map(([n]) => n).join(', ');
    const arrays = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const sql = `INSERT INTO ${this.table} (${names}) SELECT * FROM unnest(${arrays})`;
    const n = this.length;
    for (let from = 0; from < n; from += chunkSize) {
      await run(
        sql,
        this.cols.map((c) => c.slice(from, from + chunkSize)),
      );
    }
    return n;
  }
}

export interface SeedRows {
  cadre: RowBuffer;
  posting: RowBuffer;
  training: RowBuffer;
  achievement: RowBuffer;
  impact: RowBuffer;
  appraisal: RowBuffer;
  sanction: RowBuffer;
  rankGrant: RowBuffer;
}

export function newSeedRows(): SeedRows {
  return {
    cadre: new RowBuffer('cadre', [
      ['id', 'uuid'],
      ['external_id', 'text'],
      ['name', 'text'],
      ['gender', 'text'],
      ['birth_date', 'date'],
      ['ethnicity', 'text'],
      ['native_place', 'text'],
      ['party_join_date', 'date'],
      ['work_start_date', 'date'],
      ['education_level', 'text'],
      ['education_major', 'text'],
      ['education_in_service', 'bool'],
      ['professional_title', 'text'],
      ['status', 'text'],
    ]),
    posting: new RowBuffer('posting', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['title', 'text'],
      ['level', 'text'],
      ['kind', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
    ]),
    training: new RowBuffer('training', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['title', 'text'],
      ['provider', 'text'],
      ['kind', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['class_hours', 'numeric'],
      ['completed', 'bool'],
    ]),
    achievement: new RowBuffer('achievement', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['achieved_on', 'date'],
      ['domain', 'text'],
      ['recognition_level', 'text'],
      ['verification_status', 'text'],
      ['verified_by', 'text'],
      ['verified_at', 'timestamptz'],
      ['verification_note', 'text'],
    ]),
    impact: new RowBuffer('achievement_impact', [
      ['id', 'uuid'],
      ['achievement_id', 'uuid'],
      ['position', 'int2'],
      ['indicator', 'text'],
      ['baseline', 'numeric'],
      ['result', 'numeric'],
      ['unit', 'text'],
      ['better_when', 'text'],
    ]),
    appraisal: new RowBuffer('appraisal', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['year', 'int2'],
      ['grade', 'text'],
      ['note', 'text'],
    ]),
    sanction: new RowBuffer('sanction', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['kind', 'text'],
      ['decision_date', 'date'],
      ['effective_date', 'date'],
      ['issuing_body', 'text'],
      ['document_number', 'text'],
      ['note', 'text'],
      ['tolerance_basis', 'text'],
      ['tolerance_decided_on', 'date'],
      ['tolerance_note', 'text'],
    ]),
    rankGrant: new RowBuffer('rank_grant', [
      ['id', 'uuid'],
      ['cadre_id', 'uuid'],
      ['level', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
    ]),
  };
}

/** Parents before children: achievement_impact needs its achievement, everything needs its cadre. */
export const INSERT_ORDER: readonly (keyof SeedRows)[] = [
  'cadre',
  'posting',
  'training',
  'achievement',
  'impact',
  'appraisal',
  'sanction',
  'rankGrant',
];
