// Shapes of the courses API (src/modules/courses/schemas.ts), as the pages use them.
export type Chapter = { id: string; position: number; title: string; kind: 'video' | 'pdf' | 'html'; durationSeconds: number; mediaId: string | null; contentType: string | null };

export type Course = {
  id: string;
  provinceCode: string;
  regionCode: string;
  regionName: string;
  providerId: string;
  providerName: string;
  title: string;
  category: string;
  field: string;
  hours: number;
  modality: string;
  targetLevels: string[];
  description: string;
  coverMediaId: string | null;
  status: 'draft' | 'submitted' | 'published' | 'withdrawn';
  reviewReason: string | null;
  completionPercent: number;
  quizSize: number;
  quizPassPercent: number;
  quizMaxAttempts: number;
  publishedAt: string | null;
  chapterCount: number;
  questionCount?: number;
  chapters?: Chapter[];
  abilities?: { edit: boolean; submit: boolean; review: boolean; withdraw: boolean };
};

export type CourseBody = {
  providerId: string;
  title: string;
  category: string;
  field: string;
  hours: number;
  modality: string;
  targetLevels: string[];
  description: string;
  quizSize: number;
  quizPassPercent: number;
  quizMaxAttempts: number;
};

export type CourseQuery = { q?: string; field?: string; category?: string; regionCode?: string; status?: string; page?: number; pageSize?: number };

export type ChapterProgress = { chapterId: string; coveredSeconds: number; studiedSeconds: number; completed: boolean };

export type Progress = {
  enrolmentId: string;
  courseId: string;
  chapters: ChapterProgress[];
  completedChapters: number;
  chapterCount: number;
  quizPassed: boolean;
  quizAttemptsLeft: number;
  completedAt: string | null;
  recordId: string | null;
  studiedSecondsTotal: number;
  studyCreditHours: number;
  percent: number;
};

export type HeartbeatResult = { creditedSeconds: number; dailyCapReached: boolean; chapter: ChapterProgress; progress?: Progress };
export type QuizAttempt = { id: string; questions: { id: string; kind: 'single' | 'multiple'; stem: string; options: string[] }[]; attemptsLeft: number };
export type QuizResult = { scorePercent: number; passed: boolean; attemptsLeft: number; progress: Progress };
export type Question = { id: string; kind: 'single' | 'multiple'; stem: string; options: string[]; answer: number[] };

export type PublicSubjects = {
  regionCode: string;
  year: number;
  version: number | null;
  adoptsNationalVersion: number | null;
  nationalVersion: number | null;
  items: { theme: string; courseId: string; source: string; free: boolean; title: string; providerName: string; hours: number }[];
  history: { version: number; adoptsNationalVersion: number | null; itemCount: number; note: string; createdAt: string }[];
};
