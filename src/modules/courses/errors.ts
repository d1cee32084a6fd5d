import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Course error codes (STYLE.md 20): when each is raised is in its comment or message. */
export const COURSE_ERRORS = {
  /** Absent, or outside the caller's scope (no existence leak). */
  COURSE_NOT_FOUND: { status: 404, zh: '找不到该课程', en: 'Course not found' },
  /** The chosen provider is not an active training institution or CE base in the caller's scope. */
  COURSE_PROVIDER_INVALID: { status: 422, zh: '开课机构须为在用的培训机构或继续教育基地', en: 'The provider must be an active training institution or CE base' },
  /** The course's status does not allow this action (e.g. editing a published course: withdraw it first). */
  COURSE_STATUS_CONFLICT: { status: 409, zh: '课程当前状态（{status}）不允许此操作', en: 'The course status ({status}) does not allow this' },
  /** Submitting a course without chapters, or with a video/PDF chapter still lacking its file. */
  COURSE_INCOMPLETE: { status: 422, zh: '课程内容不完整：{reason}', en: 'The course is incomplete: {reason}' },
  /** The quiz draws more questions than the bank holds. */
  COURSE_QUIZ_BANK_SMALL: { status: 422, zh: '题库只有 {bank} 道题，少于每次抽取的 {size} 道', en: 'The bank has {bank} questions, fewer than the {size} drawn' },
  COURSE_REASON_REQUIRED: { status: 422, zh: '退回时须填写原因', en: 'A reason is required to send the course back' },
  COURSE_CHAPTER_NOT_FOUND: { status: 404, zh: '找不到该章节', en: 'Chapter not found' },
  COURSE_MEDIA_NOT_FOUND: { status: 404, zh: '找不到该文件', en: 'File not found' },
  /** The uploaded file is not of a type the chapter takes (checked by content, not by name). */
  COURSE_MEDIA_TYPE: { status: 422, zh: '文件类型不符：视频须为 MP4 或 WebM，文档须为 PDF，封面须为 PNG 或 JPEG', en: 'Wrong file type: videos must be MP4 or WebM, documents PDF, covers PNG or JPEG' },
  /** The Range header asks for bytes outside the file. */
  COURSE_RANGE_NOT_SATISFIABLE: { status: 416, zh: '请求的字节范围无效', en: 'The requested byte range cannot be served' },
  COURSE_QUESTION_INVALID: { status: 422, zh: '试题不符合要求：{reason}', en: 'The question is not valid: {reason}' },
  /** Enrolment is only possible in a published online or blended course. */
  COURSE_NOT_OPEN: { status: 409, zh: '该课程未开放报名', en: 'This course is not open for enrolment' },
  COURSE_NOT_ENROLLED: { status: 404, zh: '您尚未报名该课程', en: 'You are not enrolled in this course' },
  /** A heartbeat names a session that is not the person's current one (another tab or device took over). */
  COURSE_SESSION_SUPERSEDED: { status: 409, zh: '您已在其他窗口或设备上学习，本窗口的学习时间不再计入', en: 'You are studying in another window or device; this one no longer counts' },
  COURSE_QUIZ_NONE: { status: 422, zh: '该课程没有测验', en: 'This course has no quiz' },
  /** The chapters are not complete yet: the quiz opens after them. */
  COURSE_QUIZ_LOCKED: { status: 422, zh: '请先学完全部章节再参加测验', en: 'Finish all chapters before the quiz' },
  COURSE_QUIZ_NO_ATTEMPTS: { status: 422, zh: '测验次数已用完（最多 {max} 次）', en: 'No quiz attempts left (at most {max})' },
  COURSE_QUIZ_ALREADY_PASSED: { status: 409, zh: '测验已通过', en: 'The quiz is already passed' },
  COURSE_ATTEMPT_NOT_FOUND: { status: 404, zh: '找不到该次测验', en: 'Quiz attempt not found' },
  COURSE_ATTEMPT_SUBMITTED: { status: 409, zh: '该次测验已提交', en: 'This attempt was already submitted' },
  /** A certificate is issued only for a completed course. */
  COURSE_NOT_COMPLETED: { status: 409, zh: '课程尚未完成', en: 'The course is not completed yet' },
  COURSE_NOT_A_PROFESSIONAL: { status: 403, zh: '只有专业技术人员本人可以学习课程', en: 'Only a professional can study a course' },
  /** Only the ministry edits the national list, and a province's administrator the province's. */
  COURSE_CATALOGUE_OUTSIDE_SCOPE: { status: 404, zh: '不能管理该地区的公需科目目录', en: 'You cannot manage the public-subject catalogue of this region' },
  COURSE_CATALOGUE_THEME_UNKNOWN: { status: 422, zh: '不认识的公需科目主题', en: 'Unknown public-subject theme' },
  /** Only published public-subject courses can be listed. */
  COURSE_CATALOGUE_COURSE_INVALID: { status: 422, zh: '只能收录已发布的公需科目课程', en: 'Only published public-subject courses can be listed' },
  COURSE_CATALOGUE_DUPLICATE: { status: 422, zh: '同一课程不能重复收录', en: 'A course can be listed only once' },
  COURSE_CATALOGUE_VERSION_UNKNOWN: { status: 404, zh: '找不到该版本的目录', en: 'No catalogue of this version' },
} satisfies Record<string, ErrorSpec>;

registerErrors(COURSE_ERRORS);
