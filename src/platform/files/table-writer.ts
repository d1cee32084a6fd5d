
import { stringify } from 'csv-stringify/sync';
import type { TableFormat } from './table-file.ts';

export type TableOutput = { body: Buffer; contentType: string; extension: string };

/** Write a header row and rows as CSV (UTF-8 with BOM, which Excel needs) or as XLSX. */
export async function writeTable(format: TableFormat, headers: string[], rows: (string | number)[][], sheetName = 'data'): Promise<TableOutput> {
  if (format === 'csv') {
    const text = stringify([headers, ...rows]);
    return { body: Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 22;
    // Text format keeps long digit strings (citizen IDs, codes) from turning into numbers.
    column.numFmt = '@';
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
}
