import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { loadDemoData } from '../../src/modules/registry/demo.ts';
import { loadDemoLearning } from '../../src/modules/learning/index.ts';
import { systemContext } from '../support/app.ts';
import { createDb } from '../support/fixtures.ts';

let db: Database;

beforeAll(async () => {
  db = await createDb();
  await loadDemoData(systemContext(db), { password: 'Demo#Test2026', orgsPerProvince: 10, peoplePerProvince: 50 });
});
afterAll(() => db.close());

describe('demo learning records', () => {
  it('gives every demo person approved records in 2025 and 2026, and their compliance', async () => {
    const made = await loadDemoLearning(systemContext(db));
    expect(made).toBeGreaterThan(100 * 2 * 2);
    const rows = await db.query<{ year: number; people: number; compliant: number }>(
      `SELECT year, count(*)::int AS people, count(*) FILTER (WHERE compliant)::int AS compliant FROM learning_compliance GROUP BY year ORDER BY year`,
    );
    expect(rows.map((r) => [r.year, r.people])).toEqual([[2025, 100], [2026, 100]]);
    // Both verdicts appear, so lists and dashboards have something to show.
    for (const r of rows) expect(r.compliant).toBeGreaterThan(0);
    for (const r of rows) expect(r.compliant).toBeLessThan(r.people);
  });

  it('loads only once', async () => {
    expect(await loadDemoLearning(systemContext(db))).toBe(0);
  });
});
