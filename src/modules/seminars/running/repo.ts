import type { Executor } from '../../../platform/db/executor.ts';
import type { Scores } from '../enrolment/rules.ts';

export type AttendanceMark = { personId: string; day: string; present: boolean };

export async function listAttendance(db: Executor, seminarId: string): Promise<AttendanceMark[]> {
  return db.query<AttendanceMark>(
    'SELECT person_id AS "personId", day, present FROM seminar_attendance WHERE seminar_id = $1 ORDER BY day, person_id LIMIT 100000',
    [seminarId],
  );
}

/** Set marks (insert or overwrite), one statement for the whole grid. */
export async function upsertAttendance(tx: Executor, seminarId: string, marks: readonly AttendanceMark[], by: string | null, at: Date): Promise<void> {
  if (!marks.length) return;
  await tx.query(
    `INSERT INTO seminar_attendance (seminar_id, person_id, day, present, marked_by, marked_at)
     SELECT $1, m.person_id, m.day, m.present, $5, $6 FROM unnest($2::uuid[], $3::date[], $4::boolean[]) AS m(person_id, day, present)
     ON CONFLICT (seminar_id, person_id, day) DO UPDATE SET present = EXCLUDED.present, marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at`,
    [seminarId, marks.map((m) => m.personId), marks.map((m) => m.day), marks.map((m) => m.present), by, at],
  );
}

export async function setCompletion(tx: Executor, enrolmentId: string, completed: boolean, recordId: string | null): Promise<void> {
  await tx.query('UPDATE seminar_enrolments SET completed = $2, record_id = coalesce($3, record_id) WHERE id = $1', [enrolmentId, completed, recordId]);
}

export type ExpenseRow = { id: string; category: string; amountCents: number; spentOn: string; note: string; createdAt: Date };

export async function insertExpense(tx: Executor, e: { id: string; seminarId: string; category: string; amountCents: number; spentOn: string; note: string; createdBy: string | null }): Promise<void> {
  await tx.query(
    'INSERT INTO seminar_expenses (id, seminar_id, category, amount_cents, spent_on, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [e.id, e.seminarId, e.category, e.amountCents, e.spentOn, e.note, e.createdBy],
  );
}

export async function listExpenses(db: Executor, seminarId: string): Promise<ExpenseRow[]> {
  return db.query<ExpenseRow>(
    `SELECT id, category, amount_cents AS "amountCents", spent_on AS "spentOn", note, created_at AS "createdAt"
       FROM seminar_expenses WHERE seminar_id = $1 ORDER BY spent_on DESC, created_at DESC LIMIT 2000`,
    [seminarId],
  );
}

export type ExecutionLine = { category: string; budgetCents: number; spentCents: number };

/** Budget and spending per category: every category that has either. */
export async function listExecution(db: Executor, seminarId: string): Promise<ExecutionLine[]> {
  return db.query<ExecutionLine>(
    `SELECT c.category, coalesce(b.amount_cents, 0)::bigint AS "budgetCents", coalesce(x.spent, 0)::bigint AS "spentCents"
       FROM (SELECT category FROM seminar_budget_lines WHERE seminar_id = $1 UNION SELECT category FROM seminar_expenses WHERE seminar_id = $1) c
       LEFT JOIN seminar_budget_lines b ON b.seminar_id = $1 AND b.category = c.category
       LEFT JOIN (SELECT category, sum(amount_cents) AS spent FROM seminar_expenses WHERE seminar_id = $1 GROUP BY category) x ON x.category = c.category
      ORDER BY array_position(ARRAY['accommodation', 'meals', 'teaching', 'venue', 'materials', 'transport', 'other'], c.category)`,
    [seminarId],
  );
}

export type Counts = { enrolled: number; admitted: number; completed: number; waiting: number; presentMarks: number; marks: number };

/** Figures of the summary report: people by status, and attendance marks of admitted trainees. */
export async function countFigures(db: Executor, seminarId: string): Promise<Counts> {
  const rows = await db.query<Counts>(
    `SELECT count(*) FILTER (WHERE status <> 'withdrawn')::int AS enrolled,
            count(*) FILTER (WHERE status = 'admitted')::int AS admitted,
            count(*) FILTER (WHERE completed)::int AS completed,
            count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
            coalesce((SELECT count(*) FILTER (WHERE a.present) FROM seminar_attendance a JOIN seminar_enrolments m ON m.seminar_id = a.seminar_id AND m.person_id = a.person_id AND m.status = 'admitted' WHERE a.seminar_id = $1), 0)::int AS "presentMarks",
            coalesce((SELECT count(*) FROM seminar_attendance a JOIN seminar_enrolments m ON m.seminar_id = a.seminar_id AND m.person_id = a.person_id AND m.status = 'admitted' WHERE a.seminar_id = $1), 0)::int AS marks
       FROM seminar_enrolments WHERE seminar_id = $1`,
    [seminarId],
  );
  return rows[0] ?? { enrolled: 0, admitted: 0, completed: 0, waiting: 0, presentMarks: 0, marks: 0 };
}

export type ReportFigures = {
  enrolled: number; admitted: number; completed: number; waiting: number; days: number; attendanceRate: number | null;
  budgetCents: number; spentCents: number; executionRate: number | null; satisfaction: number | null; ratings: number;
};
export type ReportRow = { seminarId: string; submittedAt: Date; dueOn: string; late: boolean; figures: ReportFigures; narrative: string };

export async function findReport(db: Executor, seminarId: string): Promise<ReportRow | null> {
  const rows = await db.query<ReportRow>(
    `SELECT seminar_id AS "seminarId", submitted_at AS "submittedAt", due_on AS "dueOn", late, figures, narrative FROM seminar_reports WHERE seminar_id = $1`,
    [seminarId],
  );
  return rows[0] ?? null;
}

/** Insert once: false when a report exists already. */
export async function insertReport(tx: Executor, r: ReportRow & { submittedBy: string | null }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO seminar_reports (seminar_id, submitted_at, submitted_by, due_on, late, figures, narrative) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (seminar_id) DO NOTHING RETURNING seminar_id`,
    [r.seminarId, r.submittedAt, r.submittedBy, r.dueOn, r.late, JSON.stringify(r.figures), r.narrative],
  );
  return rows.length === 1;
}

export async function insertRating(tx: Executor, r: { seminarId: string; personId: string; scores: Scores; comment: string; at: Date }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO seminar_ratings (seminar_id, person_id, scores, comment, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (seminar_id, person_id) DO NOTHING RETURNING person_id`,
    [r.seminarId, r.personId, JSON.stringify(r.scores), r.comment, r.at],
  );
  return rows.length === 1;
}

export async function listRatings(db: Executor, seminarId: string): Promise<{ scores: Scores; comment: string }[]> {
  return db.query<{ scores: Scores; comment: string }>('SELECT scores, comment FROM seminar_ratings WHERE seminar_id = $1 LIMIT 5000', [seminarId]);
}
