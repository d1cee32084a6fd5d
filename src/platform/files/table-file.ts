import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../http/errors.ts';

export type TableFormat = 'csv' | 'xlsx';
export type ParsedTable = { headers: string[]; rows: string[][] };
/** Rows with the numbers the user sees in the file (the header is row 1); blank rows dropped. */
export type NumberedTable = { headers: string[]; rows: string[][]; numbers: number[] };

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Decide the format by content, not by file name: an .xlsx is a ZIP archive. */
export function detectFormat(data: Buffer): TableFormat {
  return data.subarray(0, 4).equals(XLSX_MAGIC) ? 'xlsx' : 'csv';
}

/**
 * CSV saved by Excel on a Chinese Windows is GB18030, not UTF-8: try UTF-8 strictly and fall
 * back to GB18030, so that both kinds of file import without the user choosing an encoding.
 */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

export async function readTable(data: Buffer, maxRows: number): Promise<NumberedTable> {
  const table = detectFormat(data) === 'xlsx' ? await readXlsx(data) : readCsv(data);
  const rows: string[][] = [];
  const numbers: number[] = [];
  // Number before dropping blank rows, so that a report names the row the user sees.
  table.rows.forEach((r, index) => {
    if (!r.some((cell) => cell.trim() !== '')) return;
    rows.push(r);
    numbers.push(index + 2);
  });
  if (rows.length === 0) throw new AppError('IMPORT_FILE_EMPTY');
  if (rows.length > maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: maxRows });
  return { headers: table.headers, rows, numbers };
}

function readCsv(data: Buffer): ParsedTable {
  let records: string[][];
  try {
    records = parseCsv(decodeText(data), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: (error as Error).message.slice(0, 200) });
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    return '';
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<ParsedTable> {
  // Loaded on first use: exceljs takes a noticeable part of start-up time.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: (error as Error).message.slice(0, 200) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FILE_EMPTY');
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    all[rowNumber - 1] = cells;
  });
  const [headers = [], ...rows] = Array.from(all, (r) => r ?? []);
  return { headers, rows };
}

export type ColumnSpec<K extends string> = { key: K; zh: string; en: string; required: boolean; example: string };

function normaliseHeader(h: string): string {
  return h.replace(/（/g, '(').replace(/）/g, ')').replace(/[\s*]/g, '').toLowerCase();
}

/** Find each column by its Chinese or English header; a missing required column stops the import. */
export function mapColumns<K extends string>(headers: string[], specs: readonly ColumnSpec<K>[]): Map<K, number> {
  const normalised = headers.map(normaliseHeader);
  const found = new Map<K, number>();
  for (const spec of specs) {
    const names = new Set([spec.zh, spec.en, spec.key, headerLabel(spec)].map(normaliseHeader));
    const index = normalised.findIndex((h) => names.has(h));
    if (index >= 0) found.set(spec.key, index);
    else if (spec.required) {
      throw new AppError('IMPORT_MISSING_COLUMN', { column: headerLabel(spec) }, [
        { code: 'IMPORT_MISSING_COLUMN', row: 1, column: headerLabel(spec), params: { column: headerLabel(spec) } },
      ]);
    }
  }
  return found;
}

export function pickRow<K extends string>(row: string[], columns: Map<K, number>): Record<K, string> {
  const record = {} as Record<K, string>;
  for (const [key, index] of columns) record[key] = (row[index] ?? '').trim();
  return record;
}

/** Header label as written into templates and exports: Chinese first, English in brackets. */
export function headerLabel(spec: { zh: string; en: string }): string {
  return `${spec.zh}(${spec.en})`;
}
