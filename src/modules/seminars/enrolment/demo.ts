import type { Actor, Ctx } from '../../../platform/context.ts';
import { admitEnrolee, listEnrolees } from './admission/service.ts';
import { enrolInSeminar } from './service.ts';

/**
 * Demo enrolments, called after the application half's demo has published seminars: for each
 * published seminar that has not started and has no enrolment yet (at most three), eligible
 * professionals of the demo — those with accounts first, a few beyond the seats so that a waiting
 * list shows — enrol through the real service, and the host admits the first half of the seat
 * holders (as the system). Returns the number of enrolments made; a second call makes none.
 */
export async function loadDemoEnrolments(ctx: Ctx): Promise<number> {
  const seminars = await ctx.db.query<{ id: string; seats: number }>(
    `SELECT s.id, s.planned_trainees AS seats FROM seminars s
      WHERE s.status = 'approved' AND s.published_at IS NOT NULL AND s.start_date > $1::date
        AND NOT EXISTS (SELECT 1 FROM seminar_enrolments n WHERE n.seminar_id = s.id)
      ORDER BY s.start_date, s.id LIMIT 3`,
    [ctx.now.toISOString().slice(0, 10)],
  );
  let made = 0;
  for (const s of seminars) {
    const people = await ctx.db.query<{ id: string; name: string; employerId: string }>(
      `SELECT p.id, p.name, p.employer_id AS "employerId" FROM people p
        WHERE p.status = 'active' AND (p.title_level IN ('intermediate', 'deputy_senior', 'senior') OR p.management_post)
        ORDER BY EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id) DESC, p.id LIMIT $1`,
      [Math.min(s.seats + 3, 40)],
    );
    for (const p of people) {
      const actor: Actor = {
        accountId: p.id, username: p.name, displayName: p.name, kind: 'professional', personId: p.id,
        grants: [{ role: 'professional', scopeType: 'organisation', scopeId: p.employerId }],
      };
      await enrolInSeminar({ ...ctx, actor }, s.id);
      made += 1;
    }
    const holders = (await listEnrolees(ctx, s.id)).items.filter((e) => e.status === 'enrolled');
    for (const e of holders.slice(0, Math.ceil(holders.length / 2))) await admitEnrolee(ctx, s.id, e.id);
  }
  return made;
}
