// Child process: the full Zhigeng app on a database with the demo data, one published course with
// a long HTML chapter, and LEARNERS professionals each signed in, enrolled and holding a study
// session — for the heartbeat benchmark (bench/heartbeat.ts).
// Usage: node --import tsx bench/server-heartbeat.ts --engine pg|pglite [--db-url URL] --learners N [--port-from 3300]
import type { Database } from '../src/platform/db/executor.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { loadDemoData } from '../src/modules/registry/demo.ts';
import { createBootstrapAccount } from '../src/modules/registry/accounts/index.ts';
import { createCourse, reviewCourse, submitCourse } from '../src/modules/courses/catalogue/service.ts';
import { addChapter } from '../src/modules/courses/courseware/service.ts';
import { benchPii, prepareSchema, systemContext } from './db.ts';
import { announce, argValue, listenInRange, onStop } from './serve.ts';

const engine = argValue('engine');
const dbUrl = argValue('db-url');
const learners = Number(argValue('learners') ?? 64);
if ((engine !== 'pg' && engine !== 'pglite') || (engine === 'pg' && !dbUrl)) {
  console.error('usage: server-heartbeat.ts --engine pg|pglite [--db-url URL] --learners N [--port-from N]');
  process.exit(2);
}
const PASSWORD = 'Bench#Heartbeat2026';

const db: Database = engine === 'pg' ? await openPostgres(dbUrl as string) : await openPglite();
const pii = benchPii();
await prepareSchema(db);
const ctx = systemContext(db, pii, 'bench-heartbeat');
if (!(await loadDemoData(ctx, { password: PASSWORD }))) throw new Error('demo data was not loaded: the database is not empty');
const provider = (await db.query<{ id: string }>("SELECT id FROM organisations WHERE 'training_institution' = ANY(roles) AND province_code = '330000' LIMIT 1"))[0];
if (!provider) throw new Error('no training institution in the demo data');
const course = await createCourse(ctx, {
  providerId: provider.id, title: '心跳基准课程', category: 'professional', field: 'other', hours: 10, modality: 'online',
  targetLevels: [], description: '', completionPercent: 100, quizSize: 0, quizPassPercent: 60, quizMaxAttempts: 3,
});
const chapter = await addChapter(ctx, course.id, { title: '长章节', kind: 'html', durationSeconds: 36000, html: '<p>基准</p>' });
await submitCourse(ctx, course.id);
await reviewCourse(ctx, course.id, { decision: 'publish' });

const people = await db.query<{ id: string; employerId: string }>(
  `SELECT id, employer_id AS "employerId" FROM people p WHERE province_code = '330000' AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id) ORDER BY id LIMIT $1`,
  [learners],
);
const app = await buildApp({ db, pii, logLevel: 'silent' });
const sessions: { cookie: string; csrf: string; sessionId: string }[] = [];
for (const [i, person] of people.entries()) {
  const username = `bench.learner.${i}`;
  await db.transaction((tx) => createBootstrapAccount(tx, ctx, { username, displayName: username, password: PASSWORD, personId: person.id, grants: [{ role: 'professional', scopeType: 'organisation', scopeId: person.employerId }] }));
  // Each login from its own address: the login route is rate-limited per address.
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD }, remoteAddress: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const cookie = `zg_session=${login.cookies.find((c) => c.name === 'zg_session')?.value ?? ''}`;
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };
  const enrolled = await app.inject({ method: 'POST', url: `/api/me/courses/${course.id}/enrol`, headers });
  if (enrolled.statusCode !== 200) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);
  const started = await app.inject({ method: 'POST', url: `/api/me/courses/${course.id}/sessions`, headers, payload: { chapterId: chapter.id, position: 0 } });
  sessions.push({ cookie, csrf, sessionId: (started.json() as { sessionId: string }).sessionId });
}
const port = await listenInRange(app, Number(argValue('port-from') ?? 3300));
onStop(async () => {
  await app.close();
  await db.close();
});
announce({ port, courseId: course.id, chapterId: chapter.id, sessions });
