import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Working-day calendar error codes (STYLE.md 20); the details name the entry (`/days/<index>/<field>`). */
export const CALENDAR_ERRORS = {
  CALENDAR_INVALID: { status: 422, zh: '工作日历有 {count} 处错误，未保存任何内容', en: 'The calendar has {count} errors; nothing was saved' },
  CALENDAR_DAY_OUTSIDE_YEAR: { status: 422, zh: '日期不在 {year} 年内', en: 'The date is not in {year}' },
  CALENDAR_DAY_DUPLICATE: { status: 422, zh: '同一日期出现了两次', en: 'The same date is listed twice' },
  CALENDAR_DAY_REDUNDANT: { status: 422, zh: '周一至周五本来就是工作日，无需列为调休上班', en: 'Monday to Friday is a working day anyway; list only working weekends' },
} satisfies Record<string, ErrorSpec>;

registerErrors(CALENDAR_ERRORS);
