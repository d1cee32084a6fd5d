import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Learning-records error codes (STYLE.md 20): when each is raised is in its message. */
export const LEARNING_ERRORS = {
  LEARNING_RECORD_NOT_FOUND: { status: 404, zh: '找不到该学时记录', en: 'Learning record not found' },
  LEARNING_RECORD_NOT_EDITABLE: { status: 409, zh: '该记录已审核，不能再修改', en: 'This record was reviewed and can no longer be changed' },
  LEARNING_RECORD_NOT_REVIEWABLE: { status: 409, zh: '该记录不在待审核状态', en: 'This record is not awaiting review' },
  LEARNING_RECORD_NOT_CONFIRMABLE: { status: 409, zh: '该记录不在待省级确认状态', en: 'This record is not awaiting confirmation' },
  LEARNING_NOT_A_PROFESSIONAL: { status: 403, zh: '只有专业技术人员本人可以申报学时', en: 'Only a professional can declare their own hours' },
  LEARNING_REASON_REQUIRED: { status: 422, zh: '退回时须填写原因', en: 'A reason is required to reject' },
  LEARNING_DATE_INVALID: { status: 422, zh: '日期无效', en: 'The date is not valid' },
  LEARNING_RULE_UNKNOWN_FIELD: { status: 422, zh: '不认识的规则项：{column}', en: 'Unknown rule setting: {column}' },
  LEARNING_RULE_UNKNOWN_FORM: { status: 422, zh: '不认识的学习形式：{column}', en: 'Unknown learning form: {column}' },
  LEARNING_CONVERSION_UNKNOWN: { status: 422, zh: '规则中没有折算项 {key}', en: 'The rules have no conversion {key}' },
  LEARNING_END_BEFORE_START: { status: 422, zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
  LEARNING_OUTSIDE_YEAR: { status: 422, zh: '学习日期不在所申报的年度内', en: 'The dates are outside the declared year' },
  LEARNING_FUTURE_DATE: { status: 422, zh: '结束日期不能晚于今天', en: 'The end date cannot be in the future' },
  LEARNING_PAST_DEADLINE: { status: 422, zh: '该年度的学时登记已截止', en: 'The entry deadline for this year has passed' },
  LEARNING_HOURS_INVALID: { status: 422, zh: '学时不是有效数字', en: 'The hours are not a valid number' },
  LEARNING_HOURS_NOT_POSITIVE: { status: 422, zh: '学时必须大于 0', en: 'The hours must be more than 0' },
  LEARNING_HOURS_TOO_MANY: { status: 422, zh: '学时过多', en: 'Too many hours' },
  LEARNING_HOURS_PRECISION: { status: 422, zh: '学时最多保留一位小数', en: 'Hours have at most one decimal' },
  LEARNING_RULE_INVALID: { status: 422, zh: '规则设置不符合要求：{column}', en: 'Invalid rule setting: {column}' },
  LEARNING_RULES_OUTSIDE_SCOPE: { status: 404, zh: '不能管理该地区的规则', en: 'You cannot manage the rules of this region' },
  LEARNING_EVIDENCE_TYPE: { status: 422, zh: '证明材料只能是 PDF、PNG 或 JPEG 文件', en: 'Evidence must be a PDF, PNG or JPEG file' },
  LEARNING_EVIDENCE_TOO_MANY: { status: 422, zh: '每条记录最多 {max} 个证明材料', en: 'At most {max} evidence files per record' },
  LEARNING_EVIDENCE_NOT_FOUND: { status: 404, zh: '找不到该证明材料', en: 'Evidence file not found' },
} satisfies Record<string, ErrorSpec>;

registerErrors(LEARNING_ERRORS);
