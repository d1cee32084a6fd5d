// Learning events as xAPI 1.0.3 statements (actor, verb, object, result), so that an external
// learning record store can consume them. Pure: ids and instants come from the caller.

/** ADL verbs used (http://adlnet.gov/expapi/verbs/…). */
export const XAPI_VERBS = {
  registered: { id: 'http://adlnet.gov/expapi/verbs/registered', display: { 'en-US': 'registered', 'zh-CN': '报名' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'zh-CN': '通过' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', 'zh-CN': '未通过' } },
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

/** ADL activity types. */
const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

export type XapiEvent = {
  id: string;
  /** Public origin of this instance: the account home page and the root of activity ids. */
  home: string;
  personId: string;
  verb: XapiVerb;
  activity: { kind: keyof typeof ACTIVITY_TYPES; courseId: string; chapterId?: string; name: string };
  result?: { completion?: boolean; success?: boolean; scaled?: number; durationSeconds?: number };
  at: Date;
};

/** ISO 8601 duration of whole seconds (PT1H2M3S), as xAPI's result.duration wants. */
export function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
}

/**
 * The statement. The actor is an account (the person's id at this instance) without a name, an
 * e-mail or a citizen ID: statements leave the system for external record stores.
 */
export function buildStatement(e: XapiEvent) {
  const base = e.home.replace(/\/+$/, '');
  const courseIri = `${base}/courses/${e.activity.courseId}`;
  const objectId = e.activity.kind === 'module' ? `${courseIri}/chapters/${e.activity.chapterId}` : e.activity.kind === 'assessment' ? `${courseIri}/quiz` : courseIri;
  const result = e.result
    ? {
        ...(e.result.completion !== undefined ? { completion: e.result.completion } : {}),
        ...(e.result.success !== undefined ? { success: e.result.success } : {}),
        ...(e.result.scaled !== undefined ? { score: { scaled: e.result.scaled } } : {}),
        ...(e.result.durationSeconds !== undefined ? { duration: isoDuration(e.result.durationSeconds) } : {}),
      }
    : undefined;
  return {
    id: e.id,
    actor: { objectType: 'Agent', account: { homePage: base, name: e.personId } },
    verb: XAPI_VERBS[e.verb],
    object: {
      objectType: 'Activity',
      id: objectId,
      definition: { type: ACTIVITY_TYPES[e.activity.kind], name: { 'zh-CN': e.activity.name } },
    },
    ...(result ? { result } : {}),
    ...(e.activity.kind !== 'course' ? { context: { contextActivities: { parent: [{ objectType: 'Activity', id: courseIri }] } } } : {}),
    timestamp: e.at.toISOString(),
    version: '1.0.3',
  };
}
