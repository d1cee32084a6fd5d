import { api, ApiError, buildHeaders, toApiError, uploadFile, type Page } from '../../shared/api.ts';
import type { Chapter, Course, CourseBody, CourseQuery, HeartbeatResult, Progress, PublicSubjects, Question, QuizAttempt, QuizResult } from './types.ts';

export type * from './types.ts';

export const courseKeys = {
  all: ['courses'] as const,
  publicList: (q: CourseQuery) => ['courses', 'public', q] as const,
  publicOne: (id: string) => ['courses', 'public', id] as const,
  list: (q: CourseQuery) => ['courses', 'staff', q] as const,
  one: (id: string) => ['courses', 'staff', id] as const,
  questions: (id: string) => ['courses', 'staff', id, 'questions'] as const,
  progress: (id: string) => ['courses', 'me', id] as const,
  enrolled: (id: string) => ['courses', 'me', id, 'course'] as const,
  mine: ['courses', 'me'] as const,
  publicSubjects: (region: string, year: number) => ['courses', 'public-subjects', region, year] as const,
};

export const fetchPublicCourses = (q: CourseQuery) => api.get<Page<Course>>('/api/public/courses', q);
export const fetchPublicCourse = (id: string) => api.get<Course>(`/api/public/courses/${id}`);
/** The course one is enrolled in, whatever its status (a withdrawn course can still be finished). */
export const fetchMyCourse = (id: string) => api.get<Course>(`/api/me/courses/${id}`);
export const fetchCourses = (q: CourseQuery) => api.get<Page<Course>>('/api/courses', q);
export const fetchCourse = (id: string) => api.get<Course>(`/api/courses/${id}`);
export const createCourse = (body: CourseBody) => api.post<Course>('/api/courses', body);
export const submitCourse = (id: string) => api.post<Course>(`/api/courses/${id}/submit`);
export const reviewCourse = (id: string, decision: 'publish' | 'reject', reason?: string) => api.post<Course>(`/api/courses/${id}/review`, reason ? { decision, reason } : { decision });
export const withdrawCourse = (id: string) => api.post<Course>(`/api/courses/${id}/withdraw`, {});
export const addChapter = (id: string, body: { title: string; kind: string; durationSeconds: number; html: string }) => api.post<Chapter>(`/api/courses/${id}/chapters`, body);
export const fetchQuestions = (id: string) => api.get<{ items: Question[] }>(`/api/courses/${id}/questions`).then((r) => r.items);
export const addQuestion = (id: string, body: Omit<Question, 'id'>) => api.post<Question>(`/api/courses/${id}/questions`, body);
/** Upload a chapter's video or PDF with progress (XMLHttpRequest upload events). */
export const uploadChapterFile = (id: string, chapterId: string, file: File, onProgress: (percent: number) => void) =>
  uploadFile<{ id: string }>(`/api/courses/${id}/chapters/${chapterId}/file`, file, {}, onProgress);
export const mediaUrl = (courseId: string, mediaId: string) => `/api/courses/${courseId}/media/${mediaId}`;

export const fetchMyCourses = () => api.get<{ items: { enrolmentId: string; courseId: string; title: string; providerName: string; hours: number; enrolledAt: string; completedAt: string | null }[] }>('/api/me/courses').then((r) => r.items);
export const enrol = (id: string) => api.post<Progress>(`/api/me/courses/${id}/enrol`);
export const fetchProgress = (id: string) => api.get<Progress>(`/api/me/courses/${id}/progress`);
export const fetchChapterContent = (id: string, chapterId: string) => api.get<Chapter & { html: string }>(`/api/me/courses/${id}/chapters/${chapterId}`);
export const startSession = (id: string, chapterId: string, position: number) => api.post<{ sessionId: string; heartbeatSeconds: number }>(`/api/me/courses/${id}/sessions`, { chapterId, position });
export const sendHeartbeat = (id: string, body: { sessionId: string; chapterId: string; position: number }) => api.post<HeartbeatResult>(`/api/me/courses/${id}/heartbeat`, body);
export const startQuiz = (id: string) => api.post<QuizAttempt>(`/api/me/courses/${id}/quiz`);
export const submitQuiz = (id: string, attemptId: string, answers: Record<string, number[]>) => api.post<QuizResult>(`/api/me/courses/${id}/quiz/${attemptId}`, { answers });

/** POST …/certificate answers a signed PDF; the caller saves the blob. */
export async function fetchCertificate(id: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/me/courses/${id}/certificate`, { method: 'POST', headers: { ...buildHeaders('POST'), Accept: 'application/pdf' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return response.blob();
}

export const fetchPublicSubjects = (region: string, year: number) => api.get<PublicSubjects>(`/api/public/public-subjects/${region}/${year}`);
export const savePublicSubjects = (region: string, year: number, body: { items: { theme: string; courseId: string }[]; adoptsNationalVersion: number | null; note: string }) =>
  api.put<PublicSubjects>(`/api/public-subjects/${region}/${year}`, body);
