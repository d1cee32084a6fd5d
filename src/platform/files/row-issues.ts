import { AppError, type ErrorDetail } from '../http/errors.ts';

// The answer lists at most this many problems; the count in the message is always complete.
const MAX_REPORTED = 1000;

/** Problems found in an import file, each at a row (numbered as the user sees it) and column. */
export class RowIssues {
  private readonly details: ErrorDetail[] = [];
  count = 0;

  add(row: number, column: string, code: string, value?: string, params?: Record<string, string | number>): void {
    this.count += 1;
    if (this.details.length < MAX_REPORTED) this.details.push({ row, column, code, value, params });
  }

  /** Turn field details (path '/name') of one row into cell details using the column labels. */
  addFieldDetails(row: number, details: ErrorDetail[], labelOf: (field: string) => string): void {
    for (const d of details) this.add(row, labelOf((d.path ?? '').replace(/^\//, '')), d.code, d.value, d.params);
  }

  /** All or nothing: any problem stops the import before a single row is written. */
  throwIfAny(): void {
    if (this.count === 0) return;
    const sorted = [...this.details].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('IMPORT_INVALID_ROWS', { count: this.count }, sorted);
  }
}

/** Quote one CSV field for COPY (FORMAT csv): NULL is an unquoted empty field. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return `"${value.replace(/"/g, '""')}"`;
}

export function byteaHex(value: Uint8Array): string {
  return `\\x${Buffer.from(value).toString('hex')}`;
}
