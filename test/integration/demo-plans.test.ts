import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { loadDemoData } from '../../src/modules/registry/demo.ts';
import { loadDemoLearning } from '../../src/modules/learning/index.ts';
import { loadDemoPlans } from '../../src/modules/plans/index.ts';
import { listProgress, recountProgress } from '../../src/modules/plans/progress/repo.ts';
import { systemContext } from '../support/app.ts';
import { createDb } from '../support/fixtures.ts';

let db: Database;

beforeAll(async () => {
  db = await createDb();
  await loadDemoData(systemContext(db), { password: 'Demo#Test2026', orgsPerProvince: 10, peoplePerProvince: 50 });
  await loadDemoLearning(systemContext(db));
});
afterAll(() => db.close());

describe('demo plan', () => {
  it('imports the seed table through the real import, publishes it and splits it to the provinces', async () => {
    const id = await loadDemoPlans(systemContext(db));
    expect(id).not.toBeNull();
    const [plan] = await db.query<{ status: string; year: number }>('SELECT status, year FROM plans WHERE id = $1', [id]);
    expect(plan).toEqual({ status: 'published', year: 2025 });
    const levels = await db.query<{ national: string; provinces: string }>(
      `SELECT sum(people) FILTER (WHERE region_code = '000000')::bigint AS national, sum(people) FILTER (WHERE region_code <> '000000')::bigint AS provinces
         FROM plan_targets WHERE plan_id = $1`,
      [id],
    );
    expect(levels.map((l) => [Number(l.national), Number(l.provinces)])).toEqual([[923_500, 923_500]]);
  });

  it('counts the demo\'s learning records in the roll-up, as a recount would', async () => {
    const rollUp = await listProgress(db, 2025);
    expect(rollUp.length).toBeGreaterThan(0);
    const total = (cells: { people: number }[]) => cells.reduce((s, c) => s + c.people, 0);
    expect(total(rollUp)).toBe(total(await recountProgress(db, 2025)));
  });

  it('loads only once', async () => {
    expect(await loadDemoPlans(systemContext(db))).toBeNull();
  });
});
