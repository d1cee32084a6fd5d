import type { Ctx } from '../../platform/context.ts';
import { createCourse, reviewCourse, submitCourse } from './catalogue/service.ts';
import type { CourseInput } from './schemas.ts';
import { addChapter, addQuestion } from './courseware/service.ts';
import { savePublicSubjects } from './public-subjects/service.ts';

const DEMO_COURSES: { course: Omit<CourseInput, 'providerId'>; chapters: { title: string; html: string; seconds: number }[]; questions: { kind: 'single' | 'multiple'; stem: string; options: string[]; answer: number[] }[]; theme: string }[] = [
  {
    course: {
      title: '网络安全与个人信息保护', category: 'public', field: 'cyber_security', hours: 2, modality: 'online', targetLevels: [],
      description: '公需科目：网络安全法律法规、个人信息保护与日常防护。', completionPercent: 90, quizSize: 2, quizPassPercent: 60, quizMaxAttempts: 3,
    },
    chapters: [
      { title: '网络安全法律体系', html: '<h2>网络安全法律体系</h2><p>《网络安全法》自 2017 年 6 月 1 日起施行，《数据安全法》《个人信息保护法》随后施行。</p>', seconds: 60 },
      { title: '日常防护要点', html: '<h2>日常防护要点</h2><ul><li>使用强密码并定期更换</li><li>警惕钓鱼邮件和短信</li><li>及时更新系统补丁</li></ul>', seconds: 60 },
    ],
    questions: [
      { kind: 'single', stem: '《网络安全法》自哪一年起施行？', options: ['2015 年', '2017 年', '2019 年'], answer: [1] },
      { kind: 'multiple', stem: '下列哪些做法有助于保护个人信息？', options: ['使用强密码', '随意点击陌生链接', '及时更新系统补丁'], answer: [0, 2] },
      { kind: 'single', stem: '收到自称银行的短信要求提供验证码，应当：', options: ['立即提供', '拒绝并通过官方渠道核实'], answer: [1] },
    ],
    theme: 'cyber_security',
  },
  {
    course: {
      title: '突发事件应急处置基础', category: 'public', field: 'emergency_management', hours: 1, modality: 'online', targetLevels: [],
      description: '公需科目：突发事件分级、报告与现场处置。', completionPercent: 90, quizSize: 0, quizPassPercent: 60, quizMaxAttempts: 3,
    },
    chapters: [{ title: '突发事件的分级与报告', html: '<h2>突发事件的分级与报告</h2><p>突发事件按照社会危害程度、影响范围等因素分为特别重大、重大、较大和一般四级。</p>', seconds: 60 }],
    questions: [],
    theme: 'emergency_management',
  },
];

/**
 * Demo courses (HTML chapters and a quiz, no video file) of a Zhejiang training institution,
 * published, and the national public-subject list of the current year naming them. Runs through
 * the same services as the pages, so every step is audited. Skipped when courses exist.
 */
export async function loadDemoCourses(ctx: Ctx): Promise<number> {
  if (((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM courses'))[0]?.n ?? 0) > 0) return 0;
  const provider = (await ctx.db.query<{ id: string }>(
    "SELECT id FROM organisations WHERE 'training_institution' = ANY(roles) AND province_code = '330000' AND status = 'active' ORDER BY name LIMIT 1",
  ))[0];
  if (!provider) return 0;
  const items: { theme: string; courseId: string }[] = [];
  for (const demo of DEMO_COURSES) {
    const course = await createCourse(ctx, { ...demo.course, providerId: provider.id });
    for (const ch of demo.chapters) await addChapter(ctx, course.id, { title: ch.title, kind: 'html', durationSeconds: ch.seconds, html: ch.html });
    for (const q of demo.questions) await addQuestion(ctx, course.id, q);
    await submitCourse(ctx, course.id);
    await reviewCourse(ctx, course.id, { decision: 'publish' });
    items.push({ theme: demo.theme, courseId: course.id });
  }
  const year = new Date(ctx.now.getTime() + 8 * 3600_000).getUTCFullYear();
  await savePublicSubjects(ctx, { regionCode: '000000', year, items, adoptsNationalVersion: null, note: '演示数据 Demo' });
  return items.length;
}
