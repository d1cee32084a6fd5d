import { describe, expect, it } from 'vitest';
import { buildStatement, isoDuration } from '../../src/modules/courses/xapi/statements.ts';

describe('xAPI statements', () => {
  it.each([
    [0, 'PT0S'],
    [59, 'PT59S'],
    [60, 'PT1M'],
    [3725, 'PT1H2M5S'],
    [7200, 'PT2H'],
  ])('%s seconds → %s', (seconds, expected) => {
    expect(isoDuration(seconds)).toBe(expected);
  });

  const base = { id: '0190a5c4-0000-7000-8000-000000000001', home: 'https://ce.example.gov.cn/', personId: 'p-1', at: new Date('2026-11-20T02:00:00Z') };

  it('a chapter completion: account actor, ADL verb, module activity under its course, duration', () => {
    const s = buildStatement({ ...base, verb: 'completed', activity: { kind: 'module', courseId: 'c-1', chapterId: 'ch-1', name: '第一讲' }, result: { completion: true, durationSeconds: 95 } });
    expect(s).toEqual({
      id: base.id,
      actor: { objectType: 'Agent', account: { homePage: 'https://ce.example.gov.cn', name: 'p-1' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
      object: { objectType: 'Activity', id: 'https://ce.example.gov.cn/courses/c-1/chapters/ch-1', definition: { type: 'http://adlnet.gov/expapi/activities/module', name: { 'zh-CN': '第一讲' } } },
      result: { completion: true, duration: 'PT1M35S' },
      context: { contextActivities: { parent: [{ objectType: 'Activity', id: 'https://ce.example.gov.cn/courses/c-1' }] } },
      timestamp: '2026-11-20T02:00:00.000Z',
      version: '1.0.3',
    });
  });

  it('a failed quiz carries success and the scaled score; an enrolment has no result', () => {
    const quiz = buildStatement({ ...base, verb: 'failed', activity: { kind: 'assessment', courseId: 'c-1', name: '课程' }, result: { success: false, scaled: 0.5 } });
    expect(quiz.object.id).toBe('https://ce.example.gov.cn/courses/c-1/quiz');
    expect(quiz.result).toEqual({ success: false, score: { scaled: 0.5 } });
    const enrol = buildStatement({ ...base, verb: 'registered', activity: { kind: 'course', courseId: 'c-1', name: '课程' } });
    expect(enrol).not.toHaveProperty('result');
    expect(enrol).not.toHaveProperty('context');
    expect(enrol.verb.id).toBe('http://adlnet.gov/expapi/verbs/registered');
  });
});
