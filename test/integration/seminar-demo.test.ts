import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/executor.ts';
import { loadDemoData } from '../../src/modules/registry/demo.ts';
import { loadDemoPlans } from '../../src/modules/plans/index.ts';
import { loadDemoSeminars } from '../../src/modules/seminars/index.ts';
import { demoDates } from '../../src/modules/seminars/demo.ts';
import { systemContext } from '../support/app.ts';
import { createDb } from '../support/fixtures.ts';

let db: Database;

beforeAll(async () => {
  db = await createDb();
  await loadDemoData(systemContext(db), { password: 'Demo#Test2026', orgsPerProvince: 10, peoplePerProvince: 20 });
  await loadDemoPlans(systemContext(db));
});
afterAll(() => db.close());

describe('demo seminars', () => {
  it('places the first class two weeks ahead within one year', () => {
    expect(demoDates(new Date('2026-11-28T04:00:00Z'))).toEqual({ year: 2026, start: new Date('2026-12-12T00:00:00Z') });
    expect(demoDates(new Date('2026-12-20T04:00:00Z'))).toEqual({ year: 2027, start: new Date('2027-01-03T00:00:00Z') });
  });

  it('loads a call, limits, a plan, experts and applications in every state of the flow, with published seminars; once', async () => {
    const accounts = await loadDemoSeminars(systemContext(db), { password: 'Demo#Test2026' });
    expect(accounts).toEqual(['host.zj', 'host.gd', 'expert.wang', 'expert.li', 'expert.zhao']);
    const { year } = demoDates(new Date());
    expect((await db.query('SELECT 1 FROM seminar_calls WHERE year = $1', [year])).length).toBe(1);
    expect((await db.query('SELECT 1 FROM seminar_budget_limits WHERE year = $1', [year])).length).toBe(7);
    expect((await db.query(`SELECT 1 FROM plans WHERE year = $1 AND programme = 'advanced_seminar' AND status = 'published'`, [year])).length).toBe(1);
    expect((await db.query('SELECT 1 FROM seminar_experts')).length).toBe(4);
    const states = await db.query<{ status: string; n: number; published: number }>(
      `SELECT status, count(*)::int AS n, count(published_at)::int AS published FROM seminars GROUP BY status ORDER BY status`,
    );
    expect(states).toEqual([
      { status: 'approved', n: 3, published: 3 },
      { status: 'draft', n: 1, published: 0 },
      { status: 'not_selected', n: 1, published: 0 },
      { status: 'submitted', n: 1, published: 0 },
    ]);
    const future = await db.query(`SELECT 1 FROM seminars WHERE status = 'approved' AND start_date > current_date`);
    expect(future.length).toBe(3);
    expect(await loadDemoSeminars(systemContext(db), { password: 'Demo#Test2026' })).toBeNull();
  });
});
