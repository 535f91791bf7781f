import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { SyncKind } from '../sync.types';

/** The columns each kind of file may have; the first ones listed are required. */
export const IMPORT_COLUMNS: Record<SyncKind, { required: string[]; optional: string[] }> = {
  UNITS: { required: ['code', 'name', 'level', 'kind'], optional: ['parentCode'] },
  CADRES: {
    required: ['externalId', 'name', 'gender', 'birthDate', 'workStartDate', 'educationLevel'],
    optional: [
      'partyJoinDate',
      'ethnicity',
      'nativePlace',
      'educationMajor',
      'educationInService',
      'professionalTitle',
      'status',
    ],
  },
  POSTINGS: {
    required: ['externalId', 'cadreExternalId', 'unitCode', 'title', 'level', 'startDate'],
    optional: ['kind', 'endDate'],
  },
  RANKS: { required: ['externalId', 'cadreExternalId', 'level', 'startDate'], optional: ['endDate'] },
  SANCTIONS: {
    required: ['externalId', 'cadreExternalId', 'kind', 'decisionDate', 'effectiveDate', 'issuingBody'],
    optional: ['documentNumber', 'note', 'revokedOn', 'revocationReason'],
  },
  POSTS: {
    required: ['externalId', 'unitCode', 'title', 'level', 'approvedHolders'],
    optional: ['partyPost', 'requiredDomains', 'preferredDomains', 'establishedOn'],
  },
};

/** CSV cells of posts that are not text: a number, a boolean, and domain lists written `A;B`. */
const CSV_NUMBERS = new Set(['approvedHolders']);
const CSV_BOOLEANS = new Set(['educationInService', 'partyPost']);
const CSV_LISTS = new Set(['requiredDomains', 'preferredDomains']);

export interface FileRow {
  /** The line in the file (CSV: the header is line 1). */
  line: number;
  record: Record<string, unknown>;
  /** Why the row cannot be sent at all (bytes that are not UTF-8); it is reported, not synced. */
  problem?: { field: string; message: string };
}

/**
 * Bytes that are not valid UTF-8 decode to U+FFFD, which would be stored in their place: a row holding it is
 * rejected (a real U+FFFD in HR data marks an earlier broken conversion just the same).
 */
function undecodable(record: Record<string, unknown>): FileRow['problem'] {
  const bad = Object.entries(record).find(([, v]) => typeof v === 'string' && v.includes('\ufffd'));
  if (!bad) return undefined;
  return {
    field: bad[0],
    message: `${bad[0]} holds bytes that are not valid UTF-8 (or U+FFFD); save the file as UTF-8.`,
  };
}

export class ImportFileError extends Error {}

/** Throws before anything is read further when the header names a column the kind does not know. */
export function checkHeader(kind: SyncKind, header: string[]): void {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const known = new Set([...required, ...optional]);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) {
    throw new ImportFileError(
      `Unknown column(s) ${unknown.join(', ')}; a ${kind.toLowerCase()} file has ${[...known].join(', ')}.`,
    );
  }
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) throw new ImportFileError(`Missing required column(s) ${missing.join(', ')}.`);
}

/** CSV cells are text: empty means absent, and booleans are written true/false. */
function fromCsv(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === '') continue;
    if (CSV_BOOLEANS.has(k) && /^(true|false)$/i.test(v)) out[k] = v.toLowerCase() === 'true';
    else if (CSV_NUMBERS.has(k) && /^-?\d+$/.test(v)) out[k] = Number(v);
    else if (CSV_LISTS.has(k)) out[k] = v.split(';').map((x) => x.trim());
    else out[k] = v;
  }
  return out;
}

async function* csvRows(kind: SyncKind, file: string, onBytes: (n: number) => void): AsyncGenerator<FileRow> {
  const stream = createReadStream(file);
  stream.on('data', (chunk) => onBytes(chunk.length));
  const parser = stream.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (header: string[]) => {
        checkHeader(kind, header);
        return header;
      },
    }),
  );
  for await (const row of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const record = fromCsv(row.record);
    yield { line: row.info.lines, record, problem: undecodable(record) };
  }
}

async function* ndjsonRows(file: string, onBytes: (n: number) => void): AsyncGenerator<FileRow> {
  const stream = createReadStream(file);
  stream.on('data', (chunk) => onBytes(chunk.length));
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    // A line that is not a JSON object still becomes a record, so it is rejected and reported, not lost.
    const record =
      value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    yield { line, record, problem: undecodable(record) };
  }
}

/** Streams the records of a .csv or .ndjson file, never holding the whole file. */
export function readRecords(kind: SyncKind, file: string, onBytes: (n: number) => void = () => undefined) {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return csvRows(kind, file, onBytes);
  if (ext === '.ndjson' || ext === '.jsonl') return ndjsonRows(file, onBytes);
  throw new ImportFileError(`Cannot read ${file}: use a .csv or .ndjson file.`);
}
