/** UTF-8 byte order mark: spreadsheet programs need it to read Chinese names in a CSV correctly. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading/trailing space. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell; a quote mark keeps it text.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
