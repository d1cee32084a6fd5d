import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { type Database, type Executor, parseNumeric, quoteIdent } from './executor.ts';

const parsers = {
  [types.INT8]: parseNumeric,
  [types.NUMERIC]: parseNumeric,
  [types.DATE]: (value: string) => value,
};

function wrap(target: PGlite | Transaction): Executor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async copyCsv(table, columns, csv) {
      const cols = columns.map(quoteIdent).join(', ');
      await target.query(`COPY ${quoteIdent(table)} (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
  };
}

/** Open an embedded database: a directory for persistence, or undefined for memory only. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const pg = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, parsers });
  const base = wrap(pg);
  return {
    ...base,
    kind: 'pglite',
    // PGlite serialises every query and transaction on its single connection, so a
    // transaction here cannot interleave with statements issued outside it.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    dump: async () => (await pg.dumpDataDir('none')) as Blob,
  };
}

