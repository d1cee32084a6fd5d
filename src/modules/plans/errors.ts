import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Plans error codes (STYLE.md 20), and the import findings, which share the message catalogue. */
export const PLAN_ERRORS = {
  PLAN_NOT_FOUND: { status: 404, zh: '找不到该计划', en: 'Plan not found' },
  /** A plan of this programme already exists for the year: open it instead. */
  PLAN_EXISTS: { status: 409, zh: '该年度已有此项目的计划', en: 'A plan of this programme already exists for the year' },
  /** The plan changed since the client read it (version): reload and try again. */
  PLAN_STALE: { status: 409, zh: '计划已被他人修改，请刷新后重试', en: 'The plan was changed by someone else; reload and try again' },
  /** Only draft → published → closed (and published → draft to correct) are allowed. */
  PLAN_STATUS_TRANSITION: { status: 409, zh: '计划不能从“{from}”变为“{to}”', en: 'A plan cannot go from {from} to {to}' },
  /** Targets of a published or closed plan are fixed; set it back to draft first. */
  PLAN_NOT_EDITABLE: { status: 409, zh: '只有草稿状态的计划可以修改目标', en: 'Only a draft plan can have its targets changed' },
  /** Decomposition is only allowed once the plan is published, so that each level splits fixed figures. */
  PLAN_NOT_PUBLISHED: { status: 409, zh: '计划发布后才能分解', en: 'A plan can be split only after it is published' },
  /** The import has findings marked error (unknown rows or columns, bad figures): map them first. */
  PLAN_IMPORT_UNRESOLVED: { status: 422, zh: '导入表有 {count} 处问题需要处理，未保存任何内容', en: '{count} findings must be resolved; nothing was saved' },
  /** Row or column sums disagree: the administrator must accept them (acceptMismatches) to commit. */
  PLAN_IMPORT_MISMATCHES_NOT_ACCEPTED: { status: 422, zh: '有 {count} 处合计不符，请确认后再保存', en: '{count} sums disagree; accept them to save' },
  PLAN_IMPORT_UNREADABLE: { status: 422, zh: '无法读取导入文件：{reason}', en: 'The file could not be read: {reason}' },
  /** The split of a target does not add up to it; details name the field and department. */
  PLAN_SPLIT_SUM: { status: 422, zh: '分解数之和（{found}）不等于上级目标（{expected}）', en: 'The split adds up to {found}, not the target {expected}' },
  /** A split names a region that is not a direct part of the region being split. */
  PLAN_SPLIT_REGION: { status: 422, zh: '{region} 不是 {parent} 的下级地区', en: '{region} is not part of {parent}' },
  /** The caller may not split this region's or department's targets. */
  PLAN_SPLIT_OUTSIDE_SCOPE: { status: 404, zh: '不能分解该地区或部门的目标', en: 'You cannot split the targets of this region or department' },
  /** The dashboard asked for a region or department outside the caller's scope. */
  PLAN_DASHBOARD_OUTSIDE_SCOPE: { status: 404, zh: '不能查看该地区或部门的计划完成情况', en: 'You cannot see the progress of this region or department' },
  /** No deadline was set for the year's work summaries. */
  PLAN_SUMMARY_NO_DEADLINE: { status: 409, zh: '部里尚未设定 {year} 年工作总结的报送截止日期', en: 'No deadline is set for the {year} work summaries' },
  PLAN_SUMMARY_FILES: { status: 422, zh: '最多 {max} 个附件', en: 'At most {max} attachments' },
  /** An attachment that is not a PDF, PNG, JPEG or Office document, or larger than 5 MB. */
  PLAN_SUMMARY_FILE_INVALID: { status: 422, zh: '附件“{name}”须为 5 MB 以内的 PDF、图片或 Office 文档', en: 'Attachment "{name}" must be a PDF, an image or an Office document of at most 5 MB' },
  /** Only a province or a national department submits a summary. */
  PLAN_SUMMARY_NOT_SUBMITTER: { status: 403, zh: '只有省级或部门管理员可以报送工作总结', en: 'Only a province or a department submits a work summary' },

  // Import findings: each carries row, column, expected and found.
  PLAN_IMPORT_NO_HEADER: { status: 422, zh: '找不到领域表头行', en: 'No header row of fields was found' },
  PLAN_IMPORT_ROW_SUM: { status: 422, zh: '第 {row} 行“{label}”各领域之和 {found} 与小计 {expected} 不符', en: 'Row {row} ({label}): the cells add up to {found}, the subtotal says {expected}' },
  PLAN_IMPORT_COLUMN_SUM: { status: 422, zh: '第 {column} 列“{columnHeader}”各部门之和 {found} 与合计行 {expected} 不符', en: 'Column {column} ({columnHeader}): the rows add up to {found}, the totals row says {expected}' },
  PLAN_IMPORT_UNKNOWN_ROW: { status: 422, zh: '第 {row} 行“{label}”不是已知的主管部门', en: 'Row {row}: "{label}" is not a known department' },
  PLAN_IMPORT_EMPTY_ROW: { status: 422, zh: '第 {row} 行“{label}”没有任何数字', en: 'Row {row} ({label}) has no figures' },
  PLAN_IMPORT_UNKNOWN_COLUMN: { status: 422, zh: '第 {column} 列“{columnHeader}”不是已知的领域', en: 'Column {column}: "{columnHeader}" is not a known field' },
  PLAN_IMPORT_BAD_NUMBER: { status: 422, zh: '第 {row} 行第 {column} 列不是有效的人数', en: 'Row {row}, column {column} is not a valid number of people' },
  PLAN_IMPORT_TOTALS_ROW: { status: 422, zh: '第 {row} 行“{label}”的数字等于各行之和，按合计行处理', en: 'Row {row} ({label}) holds the sums of the other rows and is read as the totals row' },
  PLAN_IMPORT_NO_TOTALS_ROW: { status: 422, zh: '没有合计行，无法核对各列之和', en: 'No totals row: column sums were not checked' },
  PLAN_IMPORT_DUPLICATE_ROW: { status: 422, zh: '第 {row} 行“{label}”与第 {found} 行是同一部门，数字将相加', en: 'Row {row} ({label}) is the same department as row {found}; their figures are added' },
  PLAN_IMPORT_UNKNOWN_DEPARTMENT: { status: 422, zh: '第 {row} 行指定的部门 {resolution} 不存在', en: 'Row {row}: department {resolution} does not exist' },
} satisfies Record<string, ErrorSpec>;

registerErrors(PLAN_ERRORS);
