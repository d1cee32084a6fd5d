import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { type Database, type Executor, TYPE_OIDS, parseNumeric, quoteIdent } from './executor.ts';

const customParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: parseNumeric,
  [TYPE_OIDS.numeric]: parseNumeric,
  [TYPE_OIDS.date]: (value: string) => value,
};

const typeOverrides = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const custom = customParsers[oid];
    if (custom && format !== 'binary') return custom;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

type Queryable = pg.Pool | pg.PoolClient;

const statementNames = new Map<string, string>();

/**
 * Parameterised statements run as named prepared statements, which each connection plans once
 * and reuses: planning costs more than executing for the short look-ups on every request.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `z${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function wrap(target: Queryable, copyClient: () => Promise<{ client: pg.PoolClient; release: () => void }>): Executor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = params.length
        ? await target.query({ name: statementName(sql), text: sql, values: params as unknown[] })
        : await target.query(sql);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
    async copyCsv(table, columns, csv) {
      const cols = columns.map(quoteIdent).join(', ');
      const { client, release } = await copyClient();
      try {
        const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${cols}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([csv]), stream);
      } finally {
        release();
      }
    },
  };
}

/** Connect to PostgreSQL through a pool; a transaction holds one pooled client throughout. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: typeOverrides });
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const fromPool = async () => {
    const client = await pool.connect();
    return { client, release: () => client.release() };
  };
  const base = wrap(pool, fromPool);
  return {
    ...base,
    kind: 'postgres',
    async transaction(fn) {
      const client = await pool.connect();
      const tx = wrap(client, async () => ({ client, release: () => undefined }));
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
