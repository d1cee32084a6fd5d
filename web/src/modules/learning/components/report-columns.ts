import type { MessageKey } from '../../../shared/i18n.ts';

/**
 * Columns of a provider report file, in template order. The Chinese header or the key is accepted
 * as a header; labels of enumerations are accepted as values in either language.
 */
export const REPORT_COLUMNS: readonly { header: string; key: string; required: boolean; hint: MessageKey }[] = [
  { header: '身份证号码', key: 'idNumber', required: true, hint: 'learning.reports.col.idNumber' },
  { header: '姓名', key: 'name', required: true, hint: 'learning.reports.col.name' },
  { header: '年度', key: 'year', required: true, hint: 'learning.reports.col.year' },
  { header: '科目类别', key: 'category', required: true, hint: 'learning.reports.col.category' },
  { header: '学习形式', key: 'form', required: true, hint: 'learning.reports.col.form' },
  { header: '学时', key: 'hours', required: true, hint: 'learning.reports.col.hours' },
  { header: '开始日期', key: 'startDate', required: true, hint: 'learning.reports.col.date' },
  { header: '结束日期', key: 'endDate', required: true, hint: 'learning.reports.col.date' },
  { header: '课程名称', key: 'title', required: true, hint: 'learning.reports.col.title' },
  { header: '领域', key: 'field', required: true, hint: 'learning.reports.col.field' },
  { header: '机构记录编号', key: 'providerRecordId', required: true, hint: 'learning.reports.col.providerRecordId' },
];
