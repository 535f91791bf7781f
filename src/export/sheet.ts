import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { BOM, CsvValue, csvRow } from './csv';

/** The two file formats of every list export: CSV (UTF-8 with a BOM) and XLSX (Excel, WPS). */
export type SheetFormat = 'csv' | 'xlsx';

const CONTENT_TYPE: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows written one page at a time straight to the response; `end` finishes the file. */
export interface SheetWriter {
  rows(rows: readonly (readonly CsvValue[])[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Starts a download: from here on the response is written to Node's response directly (Fastify sends nothing
 * more). `filename` has no extension; an ASCII fallback and the UTF-8 name (RFC 6266) are both given, so a
 * Chinese file name survives every browser.
 */
export async function openSheet(
  res: FastifyReply,
  format: SheetFormat,
  filename: { ascii: string; utf8: string },
  title: string,
  headers: readonly string[],
): Promise<SheetWriter> {
  res.hijack();
  res.raw.writeHead(200, {
    'content-type': CONTENT_TYPE[format],
    'content-disposition':
      `attachment; filename="${filename.ascii}.${format}"; ` +
      `filename*=UTF-8''${encodeURIComponent(`${filename.utf8}.${format}`)}`,
    'cache-control': 'no-store',
  });
  if (format === 'csv') {
    await write(res, BOM + csvRow(headers));
    return {
      rows: (rows) => write(res, rows.map((r) => csvRow(r)).join('')),
      end: async () => {
        res.raw.end();
      },
    };
  }
  // Streaming writer: rows are committed (serialised and zipped) as they come, not held for the whole file.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res.raw,
    useStyles: true,
    useSharedStrings: false,
  });
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = book.addWorksheet(title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const head = sheet.addRow([...headers]);
  head.font = { bold: true };
  head.commit();
  return {
    rows: async (rows) => {
      for (const r of rows) sheet.addRow(r.map((v) => (v === null || v === undefined ? null : v))).commit();
      if (res.raw.writableNeedDrain) await once(res.raw, 'drain');
    },
    end: async () => {
      sheet.commit();
      await book.commit();
    },
  };
}

/** Writes a chunk, waiting while the client is slower than the database. */
async function write(res: FastifyReply, chunk: string): Promise<void> {
  if (!res.raw.write(chunk)) await once(res.raw, 'drain');
}
