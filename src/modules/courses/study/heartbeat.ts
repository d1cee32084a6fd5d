import { type Ctx, requireActor } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { resolveProvinceRulesCached } from '../../learning/index.ts';
import { chinaDay, coveredSeconds, creditHeartbeat, isChapterComplete, mergeCovered, remainingToday } from '../rules.ts';
import { cachedState, forgetState, rememberState } from './heartbeat-cache.ts';
import { batchedHeartbeatWrite } from './heartbeat-batch.ts';
import { type HeartbeatState, type HeartbeatWrite, findHeartbeatState, markChapterCompleted, writeHeartbeats } from './heartbeat-repo.ts';
import { findEnrolment } from './repo.ts';
import { type StudyDeps, chinaYear, completeIfDone, emit, enrolmentOf, getProgress, learnerOf } from './service.ts';

type Beat = { sessionId: string; chapterId: string; position: number };

/** numeric(…,3) columns keep three decimals: the cached state holds what a read would return. */
const round3 = (n: number) => Math.round(n * 1000) / 1000;

type Plan =
  | { kind: 'superseded' }
  | { kind: 'credit'; seconds: number; dailyCapReached: boolean; covered: [number, number][]; coveredSeconds: number; studiedSeconds: number; completesChapter: boolean };

/** What a heartbeat does to the state it found: pure, the same for the fast and the locked path. */
function planBeat(state: HeartbeatState, beat: Beat, now: Date, dailyLeft: number): Plan {
  const cursor = state.sessionId
    ? { sessionId: state.sessionId, chapterId: state.sessionEnrolmentId === state.enrolmentId ? (state.sessionChapterId ?? '') : '', at: state.lastBeatAt as Date, position: state.lastPosition ?? 0 }
    : null;
  const credit = creditHeartbeat(cursor, { ...beat, at: now });
  if (credit.kind === 'superseded') return { kind: 'superseded' };
  const seconds = credit.segment ? Math.max(0, Math.min(credit.seconds, dailyLeft)) : 0;
  const end = credit.segment?.[1] ?? 0;
  const covered = seconds > 0 ? mergeCovered(state.covered ?? [], [end - seconds, end], state.durationSeconds) : (state.covered ?? []);
  const total = round3(coveredSeconds(covered));
  return {
    kind: 'credit',
    seconds,
    dailyCapReached: dailyLeft !== Number.POSITIVE_INFINITY && dailyLeft <= Math.min(credit.seconds, dailyLeft),
    covered,
    coveredSeconds: total,
    studiedSeconds: round3((state.studiedSeconds ?? 0) + seconds),
    completesChapter: seconds > 0 && !state.chapterCompletedAt && isChapterComplete(total, state.durationSeconds, state.completionPercent),
  };
}

async function readState(db: Executor, personId: string, courseId: string, beat: Beat, day: string, lock: boolean): Promise<HeartbeatState> {
  const state = await findHeartbeatState(db, personId, courseId, beat.chapterId, day, lock);
  if (!state) throw new AppError((await findEnrolment(db, personId, courseId)) ? 'COURSE_CHAPTER_NOT_FOUND' : 'COURSE_NOT_ENROLLED');
  return state;
}

async function dailyLeft(db: Executor, state: HeartbeatState, now: Date): Promise<number> {
  const rules = await resolveProvinceRulesCached(db, state.provinceCode, chinaYear(now));
  return rules ? remainingToday(state.daySeconds ?? 0, rules) : Number.POSITIVE_INFINITY;
}

function toWrite(personId: string, state: HeartbeatState, beat: Beat, day: string, now: Date, plan: Extract<Plan, { kind: 'credit' }>): HeartbeatWrite {
  return {
    personId, sessionId: beat.sessionId, enrolmentId: state.enrolmentId, chapterId: beat.chapterId, provinceCode: state.provinceCode, at: now,
    position: beat.position, expectedBeatAt: state.sessionId ? state.lastBeatAt : null, day, seconds: plan.seconds,
    covered: plan.covered, coveredSeconds: plan.coveredSeconds, studiedSeconds: plan.studiedSeconds,
  };
}

const answer = (state: HeartbeatState, beat: Beat, plan: Extract<Plan, { kind: 'credit' }>, completed: boolean) => ({
  creditedSeconds: plan.seconds,
  dailyCapReached: plan.dailyCapReached,
  chapter: { chapterId: beat.chapterId, coveredSeconds: plan.coveredSeconds, studiedSeconds: Math.floor(plan.studiedSeconds), completed: completed || !!state.chapterCompletedAt },
});

/**
 * A heartbeat of the player: credit the time watched since the last one (rules.ts
 * `creditHeartbeat`) within today's cap of the province, and extend the chapter's coverage.
 *
 * Heartbeats are the hot path (every learner sends one every 10 s), so the usual one costs one
 * statement: the state comes from this process's cache of the learner's last heartbeat (or one
 * read), and the write is a compare-and-set on the session cursor, sent together with the other
 * learners' heartbeats of the moment (heartbeat-batch.ts). If the cursor moved meanwhile
 * (another tab, another instance, a new session), the write does nothing and the heartbeat is
 * computed again from a fresh read; after a second miss, or when the heartbeat completes a
 * chapter, it runs in a transaction under the enrolment's lock (`lockedHeartbeat`).
 */
export async function recordHeartbeat(ctx: Ctx, deps: StudyDeps, courseId: string, beat: Beat) {
  const personId = requireActor(ctx).personId;
  if (!personId) throw new AppError('COURSE_NOT_A_PROFESSIONAL');
  const day = chinaDay(ctx.now);
  const key = { personId, courseId, chapterId: beat.chapterId, day };
  for (let attempt = 0; attempt < 2; attempt++) {
    const cached = attempt === 0 ? cachedState(key) : null;
    forgetState(personId);
    const state = cached ?? (await readState(ctx.db, personId, courseId, beat, day, false));
    const plan = planBeat(state, beat, ctx.now, await dailyLeft(ctx.db, state, ctx.now));
    if (plan.kind === 'superseded') {
      if (cached) continue;
      throw new AppError('COURSE_SESSION_SUPERSEDED');
    }
    if (plan.completesChapter) break;
    if (await batchedHeartbeatWrite(ctx.db, toWrite(personId, state, beat, day, ctx.now, plan))) {
      rememberState(key, {
        ...state, sessionId: beat.sessionId, sessionEnrolmentId: state.enrolmentId, sessionChapterId: beat.chapterId, lastBeatAt: ctx.now,
        lastPosition: round3(beat.position), covered: plan.covered, studiedSeconds: plan.studiedSeconds, daySeconds: round3((state.daySeconds ?? 0) + plan.seconds),
      });
      return answer(state, beat, plan, false);
    }
  }
  return lockedHeartbeat(ctx, deps, courseId, beat, personId, day);
}

/** The same heartbeat in a transaction under the enrolment's lock; completes chapter and course when due. */
async function lockedHeartbeat(ctx: Ctx, deps: StudyDeps, courseId: string, beat: Beat, personId: string, day: string) {
  const outcome = await ctx.db.transaction(async (tx) => {
    const state = await readState(tx, personId, courseId, beat, day, true);
    const plan = planBeat(state, beat, ctx.now, await dailyLeft(tx, state, ctx.now));
    if (plan.kind === 'superseded' || !(await writeHeartbeats(tx, [toWrite(personId, state, beat, day, ctx.now, plan)])).size) throw new AppError('COURSE_SESSION_SUPERSEDED');
    if (plan.completesChapter) {
      await markChapterCompleted(tx, state.enrolmentId, beat.chapterId, ctx.now);
      const learner = await learnerOf(ctx, tx);
      await emit(tx, deps, learner, `chapter:${state.enrolmentId}:${beat.chapterId}`, {
        verb: 'completed', activity: { kind: 'module', courseId, chapterId: beat.chapterId, name: state.chapterTitle },
        result: { completion: true, durationSeconds: plan.studiedSeconds }, at: ctx.now,
      });
      await completeIfDone(tx, ctx, deps, learner, await enrolmentOf(tx, learner, courseId));
    }
    return { result: answer(state, beat, plan, plan.completesChapter), completedNow: plan.completesChapter };
  });
  // The whole progress only when a chapter was completed: the player then redraws its list.
  return outcome.completedNow ? { ...outcome.result, progress: await getProgress(ctx, courseId) } : outcome.result;
}
