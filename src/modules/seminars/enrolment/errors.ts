import { type ErrorSpec, registerErrors } from '../../../platform/http/errors.ts';

/** Seminar enrolment, running and closing error codes (STYLE.md 20). */
export const SEMINAR_ENROLMENT_ERRORS = {
  /** The seminar is not approved and published, or is outside the caller's reach. */
  SEMINAR_ENROL_NOT_FOUND: { status: 404, zh: '找不到该研修项目', en: 'Seminar not found' },
  /** The signed-in account is not linked to a professional. */
  SEMINAR_ENROL_NOT_A_PROFESSIONAL: { status: 403, zh: '只有专业技术人员本人可以报名', en: 'Only a professional can enrol' },
  /** Enrolment has not opened yet or has closed: show the window. */
  SEMINAR_ENROL_WINDOW_CLOSED: { status: 409, zh: '当前不在报名时间内（{opensAt} 至 {closesAt}）', en: 'Enrolment is not open (from {opensAt} to {closesAt})' },
  /** The person is not eligible; params.reason names the rule. */
  SEMINAR_ENROL_INELIGIBLE: { status: 422, zh: '不符合报名条件：{reasonZh}', en: 'Not eligible: {reasonEn}' },
  /** The person already holds an enrolment (or a waiting-list place) in this seminar. */
  SEMINAR_ENROL_DUPLICATE: { status: 409, zh: '您已报名该研修项目', en: 'You have already enrolled in this seminar' },
  /** Withdrawal needs a live enrolment; after the seminar starts none is possible. */
  SEMINAR_ENROL_NOT_ENROLLED: { status: 409, zh: '您没有可撤回的报名', en: 'You have no enrolment to withdraw' },
  /** The host acts only on a seat holder ('enrolled'): refresh the list. */
  SEMINAR_ENROL_NOT_ADMITTABLE: { status: 409, zh: '该报名不处于待录取状态', en: 'This enrolment is not awaiting admission' },
  /** The host's window must close after it opens and before the seminar starts. */
  SEMINAR_ENROL_WINDOW_INVALID: { status: 422, zh: '报名截止时间须晚于开始时间且早于研修开班', en: 'The window must close after it opens and before the seminar starts' },
  /** The organisation holds no seminar_host role, or the seminar is not its own. */
  SEMINAR_ENROL_NOT_HOST: { status: 404, zh: '找不到由本单位承办的该研修项目', en: 'No such seminar hosted by your organisation' },
  /** Attendance dates lie within the seminar's dates, for its enrolees. */
  SEMINAR_ATTENDANCE_INVALID: { status: 422, zh: '考勤日期须在研修期间内，且学员须已录取', en: 'Attendance must be for admitted trainees on the seminar\'s dates' },
  /** Closed seminars keep their attendance, expenses and records fixed. */
  SEMINAR_ALREADY_CLOSED: { status: 409, zh: '研修项目已结业', en: 'The seminar is already closed' },
  /** Closing (and the report) come after the last day of the seminar. */
  SEMINAR_NOT_ENDED: { status: 409, zh: '研修项目尚未结束（{endDate}）', en: 'The seminar has not ended yet ({endDate})' },
  /** The report comes after closing, once. */
  SEMINAR_NOT_CLOSED: { status: 409, zh: '请先办理结业', en: 'Close the seminar first' },
  SEMINAR_REPORT_EXISTS: { status: 409, zh: '总结报告已提交', en: 'The summary report was already submitted' },
  /** Only an admitted trainee, once the seminar has begun, rates it; once. */
  SEMINAR_RATING_NOT_ALLOWED: { status: 403, zh: '只有已录取的学员可以在开班后评价', en: 'Only admitted trainees rate a seminar, once it has begun' },
  SEMINAR_RATING_EXISTS: { status: 409, zh: '您已评价过该研修项目', en: 'You have already rated this seminar' },
  /** The notice is absent or another person's (never revealed): refresh the list. */
  SEMINAR_NOTICE_NOT_FOUND: { status: 404, zh: '找不到该通知', en: 'Notice not found' },
  /** An expense's date lies outside the seminar's year. */
  SEMINAR_EXPENSE_INVALID: { status: 422, zh: '支出日期须在研修项目年度或次年内', en: 'The expense date must be in the seminar\'s year or the next' },
} satisfies Record<string, ErrorSpec>;

registerErrors(SEMINAR_ENROLMENT_ERRORS);

export const INELIGIBLE_REASONS = {
  inactive: { zh: '人员状态为停用', en: 'the person is inactive' },
  title_or_post: { zh: '须具有中级及以上职称或担任管理岗位', en: 'an intermediate or higher title, or a management post, is required' },
  title: { zh: '须具有规定等级以上的职称', en: 'a professional title of the required level is required' },
} as const;
