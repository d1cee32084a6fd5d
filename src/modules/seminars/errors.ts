import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Seminars error codes (STYLE.md 20): application, review, selection. */
export const SEMINAR_ERRORS = {
  SEMINAR_NOT_FOUND: { status: 404, zh: '找不到该研修项目', en: 'Seminar not found' },
  /** The organisation is not one the caller administers, is inactive or is not a seminar host. */
  SEMINAR_NOT_HOST: { status: 403, zh: '该单位不是有效的高级研修项目承办单位', en: 'This organisation is not an active seminar host' },
  SEMINAR_STALE: { status: 409, zh: '申报书已被他人修改，请刷新后重试', en: 'The application was changed by someone else; reload and try again' },
  SEMINAR_STATUS: { status: 409, zh: '当前状态“{status}”下不能进行此操作', en: 'This cannot be done while the application is {status}' },
  SEMINAR_NO_CALL: { status: 409, zh: '{year}年度尚未发布高级研修项目申报通知', en: 'No call for applications is open for {year}' },
  SEMINAR_DEADLINE_PASSED: { status: 409, zh: '{year}年度申报已于 {deadline} 截止', en: 'Applications for {year} closed at {deadline}' },
  /** A budget line exceeds its category's limit; details name each category. */
  SEMINAR_BUDGET_OVER_LIMIT: {
    status: 422,
    zh: '{category}预算 {amount} 元超过标准：每人每天 {limit} 元 × {trainees} 人 × {days} 天 = {allowed} 元',
    en: 'The {categoryEn} budget of {amount} yuan exceeds the limit: {limit} yuan per person per day × {trainees} trainees × {days} days = {allowed} yuan',
  },
  SEMINAR_BUDGET_NO_LIMIT: { status: 422, zh: '{year}年度未设定{category}标准，不能列支', en: 'No {categoryEn} limit is set for {year}; this category cannot be budgeted' },
  SEMINAR_DATES: { status: 422, zh: '起止日期与天数不符：{reason}', en: 'The dates do not match the days: {reason}' },
  SEMINAR_DEPARTMENT_UNKNOWN: { status: 422, zh: '主管部门 {code} 不存在', en: 'Department {code} does not exist' },
  SEMINAR_REASON_REQUIRED: { status: 422, zh: '退回须说明理由', en: 'A reason is required to return an application' },
  // Review
  SEMINAR_EXPERT_NOT_FOUND: { status: 404, zh: '找不到该专家', en: 'Expert not found' },
  SEMINAR_EXPERT_ACCOUNT: { status: 422, zh: '该账号不是评审专家账号', en: 'This account does not hold the expert role' },
  SEMINAR_NOT_IN_POOL: { status: 404, zh: '您不在评审专家库中', en: 'You are not in the expert pool' },
  SEMINAR_NOTHING_TO_DRAW: { status: 409, zh: '{year}年度没有待分配评审专家的申报（须已通过初审）', en: 'No pre-approved applications of {year} wait for reviewers' },
  /** The draw could not give every application n reviewers; details name each application. */
  SEMINAR_DRAW_INFEASIBLE: { status: 422, zh: '{count} 个申报无法分配足够的评审专家（每个需要 {needed} 名），未分配任何专家', en: '{count} applications cannot get {needed} reviewers; nothing was assigned' },
  SEMINAR_DRAW_SHORTAGE: { status: 422, zh: '申报 {seminar} 仅有 {eligible} 名可回避专家，需要 {needed} 名（{reason}）', en: 'Application {seminar} has {eligible} eligible experts, needs {needed} ({reason})' },
  SEMINAR_REVIEW_NOT_FOUND: { status: 404, zh: '没有分配给您的该项评审', en: 'No such review is assigned to you' },
  SEMINAR_REVIEW_CLOSED: { status: 409, zh: '该项评审已结束，不能修改', en: 'This review is closed' },
  SEMINAR_SCORES_INVALID: { status: 422, zh: '评分须覆盖全部指标且在 0–100 之间：{codes}', en: 'Scores must cover every criterion, each 0–100: {codes}' },
  // Selection
  SEMINAR_NO_PLAN: { status: 409, zh: '{year}年度没有已发布的高级研修项目计划，无法核定遴选名额', en: 'There is no published advanced-seminar plan for {year}: the selection quota is unknown' },
  SEMINAR_QUOTA_FIELD: { status: 422, zh: '{field}领域入选研修人数 {selected} 超过计划 {target}', en: 'Trainees selected in {fieldEn} ({selected}) exceed the plan ({target})' },
  SEMINAR_QUOTA_SEMINARS: { status: 422, zh: '入选项目 {selected} 个，超过年度上限 {max} 个', en: '{selected} seminars selected, more than the year\'s maximum of {max}' },
  SEMINAR_QUOTA_CENTRAL: { status: 422, zh: '中央资助合计 {selected} 元，超过年度上限 {max} 元', en: 'Central funds total {selected} yuan, more than the year\'s maximum of {max} yuan' },
  SEMINAR_CENTRAL_FOR_SELF: { status: 422, zh: '自筹经费项目不核定中央资助', en: 'A self-funded seminar gets no central funds' },
  SEMINAR_CENTRAL_OVER_BUDGET: { status: 422, zh: '核定中央资助不能超过预算总额 {budget} 元', en: 'Central funds cannot exceed the budget total of {budget} yuan' },
  SEMINAR_ALREADY_PUBLISHED: { status: 409, zh: '已公布的入选项目不能改变遴选结果', en: 'The selection of a published seminar cannot change' },
  SEMINAR_NOTHING_TO_PUBLISH: { status: 409, zh: '{year}年度没有待公布的入选项目', en: 'No approved seminars of {year} wait to be published' },
} satisfies Record<string, ErrorSpec>;

registerErrors(SEMINAR_ERRORS);
