import type { Executor } from '../../platform/db/executor.ts';
import type { SignedStatement } from './statement.ts';

export type ProofWrite = {
  id: string;
  personId: string;
  provinceCode: string;
  years: number[];
  statement: SignedStatement;
  token: string;
  kid: string;
  issuedAt: Date;
  issuedBy: string;
};

export type ProofRow = { id: string; token: string; revokedAt: Date | null };

export async function insertProof(tx: Executor, p: ProofWrite): Promise<void> {
  await tx.query(
    `INSERT INTO learning_proofs (id, person_id, province_code, years, statement, token, kid, issued_at, issued_by)
     VALUES ($1, $2, $3, $4::int[], $5::jsonb, $6, $7, $8, $9)`,
    [p.id, p.personId, p.provinceCode, p.years, JSON.stringify(p.statement), p.token, p.kid, p.issuedAt, p.issuedBy],
  );
}

export async function findProof(db: Executor, id: string): Promise<ProofRow | null> {
  const rows = await db.query<ProofRow>('SELECT id, token, revoked_at AS "revokedAt" FROM learning_proofs WHERE id = $1', [id]);
  return rows[0] ?? null;
}

/**
 * The province's human-resources department (the provincial counterpart of `mohrss`, loaded
 * with the reference data), which certifies continuing-education hours; if the catalogue
 * lacks it, the usual name formed from the province's.
 */
export async function findIssuerName(db: Executor, provinceCode: string): Promise<string | null> {
  const rows = await db.query<{ name: string }>(
    `SELECT COALESCE(d.name, r.name || '人力资源和社会保障厅') AS name
       FROM regions r LEFT JOIN departments d ON d.code = 'mohrss.' || r.code
      WHERE r.code = $1`,
    [provinceCode],
  );
  return rows[0]?.name ?? null;
}
