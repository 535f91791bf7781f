import { UnitRecordInput } from '../dto/unit-record.input';
import { Indexed } from '../sync.types';

/** Indexes of records whose parent chain, followed through the batch, comes back to themselves. */
export function parentCycles(records: Indexed<UnitRecordInput>[]): number[] {
  const parentOf = new Map(records.map(({ record }) => [record.code, record.parentCode ?? null]));
  return records
    .filter(({ record }) => {
      const seen = new Set<string>([record.code]);
      for (let p = parentOf.get(record.code) ?? null; p !== null; p = parentOf.get(p) ?? null) {
        if (seen.has(p)) return p === record.code;
        seen.add(p);
      }
      return false;
    })
    .map(({ index }) => index);
}

/** Codes grouped by depth within the rows being written: a row's parent, if written too, comes earlier. */
export function writeOrder(rows: { code: string; parentCode: string | null }[]): string[][] {
  const parentOf = new Map(rows.map((r) => [r.code, r.parentCode]));
  const depth = (code: string): number => {
    let d = 0;
    for (let p = parentOf.get(code) ?? null; p !== null && parentOf.has(p); p = parentOf.get(p) ?? null)
      d += 1;
    return d;
  };
  const levels: string[][] = [];
  for (const r of rows) (levels[depth(r.code)] ??= []).push(r.code);
  return levels.filter((l) => l !== undefined);
}
