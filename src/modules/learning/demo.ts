import type { Ctx } from '../../platform/context.ts';
import { rebuildYear } from './compliance/rebuild-repo.ts';
import { rulesRowsFor } from './rules/service.ts';

const DEMO_YEARS = [2025, 2026];

/**
 * Demo learning records for the demo people: a few approved trainings, online courses and
 * conferences per person and year, with dates inside the year (and before today), so that
 * archives, review lists and compliance figures have something to show. Set-based and
 * deterministic (hash of the person id), then the years' compliance is rebuilt.
 */
export async function loadDemoLearning(ctx: Ctx): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM learning_records');
    if ((existing[0]?.n ?? 0) > 0) return 0;
    const inserted = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO learning_records (id, province_code, person_id, employer_id, year, category, form, title, provider_name,
                                       start_date, end_date, hours, field, source, status)
         SELECT gen_random_uuid(), p.province_code, p.id, p.employer_id, y,
                CASE WHEN g = 1 THEN 'public' ELSE 'professional' END,
                (ARRAY['online', 'training', 'conference', 'practice'])[g],
                (ARRAY['公需科目：数字技术与网络安全', '专业技术新进展研修班', '全国学术年会', '继续教育实践活动'])[g],
                (ARRAY['省继续教育网络学院', '专业技术人员继续教育基地', '全国性学会', '本单位'])[g],
                make_date(y, 1 + (abs(hashtext(p.id::text || g)) % 9), 1 + g * 3),
                make_date(y, 1 + (abs(hashtext(p.id::text || g)) % 9), 2 + g * 3),
                (ARRAY[24, 32, 12, 16])[g] + (abs(hashtext(p.id::text || y)) % 3) * 4,
                (ARRAY['digital_tech', 'next_gen_it', 'other', 'other'])[g],
                CASE WHEN g = 2 THEN 'provider_reported' ELSE 'employer_entered' END, 'approved'
           FROM people p
           CROSS JOIN unnest($1::int[]) AS y
           CROSS JOIN generate_series(1, 4) AS g
          -- Some people learn less in a year, so that the lists show both verdicts.
          WHERE g <= 2 + abs(hashtext(p.id::text || 'n' || y)) % 3
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [DEMO_YEARS],
    );
    const provinces = await tx.query<{ code: string }>('SELECT DISTINCT province_code AS code FROM people');
    for (const year of DEMO_YEARS) {
      const rows = await rulesRowsFor(tx, provinces.map((p) => ({ provinceCode: p.code.trim(), year })));
      await rebuildYear(tx, rows, year);
    }
    return inserted[0]?.n ?? 0;
  });
}
