/**
 * The one query layer of Zhigeng. PGlite (embedded) and node-postgres (server) both speak
 * PostgreSQL; this interface hides only how a statement reaches them, never the SQL.
 */
export type Row = Record<string, unknown>;

export type Executor = {
  /** Run one parameterised statement ($1, $2 …) and return its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** Bulk-load CSV text (header-less, RFC 4180) into `table (columns)` with COPY. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
};

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = Executor & {
  readonly kind: DatabaseKind;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, to clone a migrated template in tests. */
  dump?: () => Promise<Blob>;
};

/** Parsers shared by both drivers, so that a row looks the same whichever engine served it. */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export function parseNumeric(value: string): number {
  return Number(value);
}

/** Quote an SQL identifier that comes from code (never from input). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}
