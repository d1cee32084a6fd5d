import type { Executor } from '../../../platform/db/executor.ts';

export type KeyFigures = { target: number; actual: number; fields: number };
export type SummaryRow = { year: number; submitter: string; figures: KeyFigures; text: string; submittedAt: Date | string; late: boolean; files: { idx: number; fileName: string; sizeBytes: number }[] };

export async function findDeadline(db: Executor, year: number): Promise<string | null> {
  const rows = await db.query<{ dueDate: string }>(`SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM plan_summary_deadlines WHERE year = $1`, [year]);
  return rows[0]?.dueDate ?? null;
}

export async function upsertDeadline(tx: Executor, year: number, dueDate: string, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO plan_summary_deadlines (year, due_date, set_by, set_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (year) DO UPDATE SET due_date = EXCLUDED.due_date, set_by = EXCLUDED.set_by, set_at = now()`,
    [year, dueDate, by],
  );
}

const SUMMARY_SELECT = `SELECT s.year, s.submitter, s.figures, s.text, s.submitted_at AS "submittedAt", s.late,
  coalesce((SELECT json_agg(json_build_object('idx', f.idx, 'fileName', f.file_name, 'sizeBytes', f.size_bytes) ORDER BY f.idx)
            FROM plan_summary_files f WHERE f.year = s.year AND f.submitter = s.submitter), '[]') AS files
  FROM plan_summaries s`;

export async function findSummary(db: Executor, year: number, submitter: string): Promise<SummaryRow | null> {
  const rows = await db.query<SummaryRow>(`${SUMMARY_SELECT} WHERE s.year = $1 AND s.submitter = $2`, [year, submitter]);
  return rows[0] ?? null;
}

export async function listSummaries(db: Executor, year: number): Promise<SummaryRow[]> {
  return db.query<SummaryRow>(`${SUMMARY_SELECT} WHERE s.year = $1`, [year]);
}

/** A new submission replaces the earlier one and its files. */
export async function replaceSummary(tx: Executor, s: { year: number; submitter: string; figures: unknown; text: string; by: string | null; at: Date; late: boolean }): Promise<void> {
  await tx.query('DELETE FROM plan_summaries WHERE year = $1 AND submitter = $2', [s.year, s.submitter]);
  await tx.query(
    `INSERT INTO plan_summaries (year, submitter, figures, text, submitted_by, submitted_at, late) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.year, s.submitter, JSON.stringify(s.figures), s.text, s.by, s.at, s.late],
  );
}

export async function insertFile(tx: Executor, f: { year: number; submitter: string; idx: number; fileName: string; contentType: string; data: Buffer; sha256: string }): Promise<void> {
  await tx.query(
    `INSERT INTO plan_summary_files (year, submitter, idx, file_name, content_type, size_bytes, sha256, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [f.year, f.submitter, f.idx, f.fileName, f.contentType, f.data.length, f.sha256, f.data],
  );
}

export async function findFile(db: Executor, year: number, submitter: string, idx: number): Promise<{ fileName: string; contentType: string; data: Buffer } | null> {
  const rows = await db.query<{ fileName: string; contentType: string; data: Buffer }>(
    'SELECT file_name AS "fileName", content_type AS "contentType", data FROM plan_summary_files WHERE year = $1 AND submitter = $2 AND idx = $3',
    [year, submitter, idx],
  );
  return rows[0] ?? null;
}

/** Key figures of a submitter's year from the plans and the roll-up (never the records). */
export async function keyFigures(db: Executor, year: number, who: { kind: 'province' | 'department'; code: string }): Promise<{ target: number; actual: number; fields: number }> {
  const progressCol = who.kind === 'province' ? 'province_code' : 'department_code';
  const targetWhere = who.kind === 'province' ? 't.region_code = $2' : `t.department_code = $2 AND t.region_code = '000000'`;
  const rows = await db.query<{ target: number; actual: number; fields: number }>(
    `SELECT
       (SELECT coalesce(sum(t.people), 0)::bigint FROM plan_targets t JOIN plans p ON p.id = t.plan_id
         WHERE p.year = $1 AND p.status <> 'draft' AND ${targetWhere}) AS target,
       (SELECT coalesce(sum(people), 0)::bigint FROM plan_progress WHERE year = $1 AND ${progressCol} = $2) AS actual,
       (SELECT count(DISTINCT field)::int FROM plan_progress WHERE year = $1 AND ${progressCol} = $2 AND people > 0) AS fields`,
    [year, who.code],
  );
  const r = rows[0];
  return { target: Number(r?.target ?? 0), actual: Number(r?.actual ?? 0), fields: Number(r?.fields ?? 0) };
}

export async function listSubmitters(db: Executor): Promise<{ code: string; name: string; kind: 'province' | 'department' }[]> {
  return db.query(
    `SELECT trim(code) AS code, name, 'province' AS kind FROM regions WHERE level = 1
     UNION ALL SELECT code, short_name, 'department' FROM departments WHERE level = 'national' AND code <> 'mohrss'
     ORDER BY kind DESC, code`,
  );
}
