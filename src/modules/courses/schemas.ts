import { type Static, Type } from 'typebox';
import { DateTime, PageQuery, RegionCode, Uuid } from '../../platform/http/schemas.ts';
import { CATEGORIES, PLAN_FIELDS } from '../learning/catalogue.ts';

// Type.Enum keeps the literal union in the static type (a mapped Type.Union infers `never`).
const literals = <const T extends readonly string[]>(values: T) => Type.Enum(values);

export const MODALITIES = ['online', 'face_to_face', 'blended'] as const;
export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'deputy_senior', 'senior'] as const;
export const COURSE_STATUSES = ['draft', 'submitted', 'published', 'withdrawn'] as const;
export const CHAPTER_KINDS = ['video', 'pdf', 'html'] as const;

export const CourseBody = Type.Object(
  {
    providerId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    category: literals(CATEGORIES),
    field: literals(PLAN_FIELDS),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 200 }),
    modality: literals(MODALITIES),
    targetLevels: Type.Array(literals(TITLE_LEVELS), { maxItems: 5, uniqueItems: true, default: [] }),
    description: Type.String({ maxLength: 5000, default: '' }),
    completionPercent: Type.Integer({ minimum: 50, maximum: 100, default: 90 }),
    quizSize: Type.Integer({ minimum: 0, maximum: 50, default: 0 }),
    quizPassPercent: Type.Integer({ minimum: 1, maximum: 100, default: 60 }),
    quizMaxAttempts: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
  },
  { additionalProperties: false },
);
export type CourseInput = Static<typeof CourseBody>;

export const CourseQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    field: Type.Optional(literals(PLAN_FIELDS)),
    category: Type.Optional(literals(CATEGORIES)),
    providerId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    modality: Type.Optional(literals(MODALITIES)),
    status: Type.Optional(literals(COURSE_STATUSES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CourseFilter = Static<typeof CourseQuery>;

export const PublicCourseQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    field: Type.Optional(literals(PLAN_FIELDS)),
    category: Type.Optional(literals(CATEGORIES)),
    providerId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    modality: Type.Optional(literals(MODALITIES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ChapterSummary = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  title: Type.String(),
  kind: Type.String(),
  durationSeconds: Type.Integer(),
  mediaId: Type.Union([Type.String(), Type.Null()]),
  contentType: Type.Union([Type.String(), Type.Null()]),
});

export const CourseResponse = Type.Object({
  id: Type.String(),
  provinceCode: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  providerId: Type.String(),
  providerName: Type.String(),
  title: Type.String(),
  category: Type.String(),
  field: Type.String(),
  hours: Type.Number(),
  modality: Type.String(),
  targetLevels: Type.Array(Type.String()),
  description: Type.String(),
  coverMediaId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  reviewReason: Type.Union([Type.String(), Type.Null()]),
  completionPercent: Type.Integer(),
  quizSize: Type.Integer(),
  quizPassPercent: Type.Integer(),
  quizMaxAttempts: Type.Integer(),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  chapterCount: Type.Integer(),
  questionCount: Type.Optional(Type.Integer()),
  chapters: Type.Optional(Type.Array(ChapterSummary)),
  abilities: Type.Optional(Type.Object({ edit: Type.Boolean(), submit: Type.Boolean(), review: Type.Boolean(), withdraw: Type.Boolean() })),
});

export const CoursePage = Type.Object({ items: Type.Array(CourseResponse), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ReviewBody = Type.Object(
  { decision: Type.Union([Type.Literal('publish'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);

export const ChapterBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: literals(CHAPTER_KINDS),
    durationSeconds: Type.Integer({ minimum: 1, maximum: 36000 }),
    html: Type.String({ maxLength: 200000, default: '' }),
  },
  { additionalProperties: false },
);
export type ChapterInput = Static<typeof ChapterBody>;

export const QuestionBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
    stem: Type.String({ minLength: 1, maxLength: 1000 }),
    options: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 2, maxItems: 8 }),
    answer: Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { minItems: 1, maxItems: 8, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type QuestionInput = Static<typeof QuestionBody>;

export const QuestionResponse = Type.Object({ id: Type.String(), kind: Type.String(), stem: Type.String(), options: Type.Array(Type.String()), answer: Type.Array(Type.Integer()) });

export const CourseChapterParams = Type.Object({ id: Uuid, chapterId: Uuid }, { additionalProperties: false });
export const CourseMediaParams = Type.Object({ id: Uuid, mediaId: Uuid }, { additionalProperties: false });
export const CourseAttemptParams = Type.Object({ id: Uuid, attemptId: Uuid }, { additionalProperties: false });

export const MediaResponse = Type.Object({ id: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String() });

export const HeartbeatBody = Type.Object(
  {
    sessionId: Uuid,
    chapterId: Uuid,
    /** Seconds into the chapter (video time, or seconds on the page for PDF/HTML). */
    position: Type.Number({ minimum: 0, maximum: 36000 }),
  },
  { additionalProperties: false },
);

export const ChapterProgress = Type.Object({
  chapterId: Type.String(),
  coveredSeconds: Type.Number(),
  studiedSeconds: Type.Integer(),
  completed: Type.Boolean(),
});

export const ProgressResponse = Type.Object({
  enrolmentId: Type.String(),
  courseId: Type.String(),
  enrolledAt: DateTime,
  chapters: Type.Array(ChapterProgress),
  completedChapters: Type.Integer(),
  chapterCount: Type.Integer(),
  quizPassed: Type.Boolean(),
  quizAttemptsLeft: Type.Integer(),
  completedAt: Type.Union([DateTime, Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  /** Study time today and in total, converted to 学时 by the learner's province rules. */
  studiedSecondsTotal: Type.Integer(),
  studyCreditHours: Type.Number(),
  percent: Type.Integer(),
});

export const HeartbeatResponse = Type.Object({
  creditedSeconds: Type.Number(),
  /** True when today's cap of study time is reached: further time today is not credited. */
  dailyCapReached: Type.Boolean(),
  /** The chapter's own progress after this heartbeat. */
  chapter: ChapterProgress,
  /** The whole progress, sent only when this heartbeat completed the chapter. */
  progress: Type.Optional(ProgressResponse),
});

export const QuizQuestionOut = Type.Object({ id: Type.String(), kind: Type.String(), stem: Type.String(), options: Type.Array(Type.String()) });
export const AttemptResponse = Type.Object({ id: Type.String(), questions: Type.Array(QuizQuestionOut), attemptsLeft: Type.Integer() });
export const AnswersBody = Type.Object(
  { answers: Type.Record(Type.String({ maxLength: 36 }), Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { maxItems: 8 })) },
  { additionalProperties: false },
);
export const AttemptResult = Type.Object({ scorePercent: Type.Integer(), passed: Type.Boolean(), attemptsLeft: Type.Integer(), progress: ProgressResponse });

export const EnrolmentItem = Type.Object({
  enrolmentId: Type.String(),
  courseId: Type.String(),
  title: Type.String(),
  providerName: Type.String(),
  hours: Type.Number(),
  enrolledAt: DateTime,
  completedAt: Type.Union([DateTime, Type.Null()]),
});
