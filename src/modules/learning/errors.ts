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
  /** A report key was asked for an organisation that is inactive or holds no provider role. */
  /** A signed-in upload of a report file for an organisation that is not an active provider. */
  LEARNING_REPORT_NOT_PROVIDER: { status: 422, zh: '只有在用的培训机构、继续教育基地、研修班承办单位或评价机构可以报送学时', en: 'Only an active training institution, CE base, seminar host or evaluation institution can report learning records' },
  LEARNING_APIKEY_NOT_PROVIDER: { status: 422, zh: '只有在用的培训机构、继续教育基地、研修班承办单位或评价机构可以创建报送密钥', en: 'Only an active training institution, CE base, seminar host or evaluation institution can have a reporting key' },
  /** The caller's role may not create keys of this purpose (compliance keys: nation and provinces only). */
  LEARNING_APIKEY_PURPOSE_FORBIDDEN: { status: 403, zh: '您不能创建此用途的 API 密钥', en: 'You cannot create an API key for this purpose' },
  /** A compliance key was asked for a region outside the caller's province. */
  LEARNING_APIKEY_REGION_OUTSIDE_SCOPE: { status: 404, zh: '不能为该地区创建 API 密钥', en: 'You cannot create an API key for this region' },
  LEARNING_APIKEY_NOT_FOUND: { status: 404, zh: '找不到该 API 密钥', en: 'API key not found' },
  /** The key was revoked before: nothing to do. */
  LEARNING_APIKEY_REVOKED: { status: 409, zh: '该 API 密钥已吊销', en: 'This API key is already revoked' },
  /** all_or_nothing: some rows are bad; the details list each (row, column, code); nothing was written. */
  LEARNING_REPORT_INVALID_ROWS: { status: 422, zh: '报送数据有 {count} 处错误，未写入任何记录', en: '{count} problems in the report; nothing was written' },
  /** A row's category, form or field is none of the keys or labels of the catalogue. */
  LEARNING_REPORT_VALUE_UNKNOWN: { status: 422, zh: '{column} 的取值不认识', en: 'Unknown value for {column}' },
  /** The same providerRecordId appears twice in one batch; the earlier row is kept. */
  LEARNING_REPORT_DUPLICATE_IN_BATCH: { status: 422, zh: '机构记录编号与第 {other} 行重复', en: 'The provider record id repeats row {other}' },
  /** No registered person has this ID number with this name (deliberately one code for both cases). */
  PERSON_NOT_MATCHED: { status: 422, zh: '身份证号码与姓名不能对应到已登记的人员', en: 'The ID number and name do not match a registered person' },
} satisfies Record<string, ErrorSpec>;

registerErrors(LEARNING_ERRORS);
