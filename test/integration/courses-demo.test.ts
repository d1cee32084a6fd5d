import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { loadDemoData } from '../../src/modules/registry/demo.ts';
import { loadDemoCourses } from '../../src/modules/courses/index.ts';
import { systemContext } from '../support/app.ts';
import { createDb } from '../support/fixtures.ts';

let db: Database;

beforeAll(async () => {
  db = await createDb();
  await loadDemoData(systemContext(db), { password: 'Demo#Test2026', orgsPerProvince: 10, peoplePerProvince: 20 });
});
afterAll(() => db.close());

describe('demo courses', () => {
  it('publishes two public-subject courses of a Zhejiang training institution and lists them nationally', async () => {
    expect(await loadDemoCourses(systemContext(db))).toBe(2);
    const rows = await db.query<{ status: string; chapters: number; questions: number; roles: string[] }>(
      `SELECT c.status, (SELECT count(*)::int FROM course_chapters ch WHERE ch.course_id = c.id) AS chapters,
              (SELECT count(*)::int FROM course_questions q WHERE q.course_id = c.id) AS questions, o.roles
         FROM courses c JOIN organisations o ON o.id = c.provider_id ORDER BY c.hours DESC`,
    );
    expect(rows.map((r) => [r.status, r.chapters, r.questions])).toEqual([['published', 2, 3], ['published', 1, 0]]);
    expect(rows.every((r) => r.roles.includes('training_institution'))).toBe(true);
    const list = await db.query<{ n: number }>(`SELECT jsonb_array_length(items)::int AS n FROM public_subject_catalogues WHERE region_code = '000000'`);
    expect(list).toEqual([{ n: 2 }]);
  });

  it('loads only once', async () => {
    expect(await loadDemoCourses(systemContext(db))).toBe(0);
  });
});
