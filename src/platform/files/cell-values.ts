// Pure readers and writers for spreadsheet cells that are not plain text (no I/O).

// What people type for yes and no in a Chinese office spreadsheet: 是/否 first, then the usual
// English and numeric forms. Compared after trimming and lower-casing.
const YES = new Set(['是', 'true', '1', 'y', 'yes']);
const NO = new Set(['否', 'false', '0', 'n', 'no']);

/**
 * A yes/no cell (是/否, true/false, 1/0, Y/N, yes/no; any case) or a JSON boolean. An empty or
 * missing cell is no — the optional columns this reads default to false. Null: not a yes/no.
 */
export function parseYesNo(value: boolean | string | undefined | null): boolean | null {
  if (typeof value === 'boolean') return value;
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return false;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** As written into exports, so that an exported file imports again: 是 / 否. */
export function yesNoCell(value: boolean): string {
  return value ? '是' : '否';
}
