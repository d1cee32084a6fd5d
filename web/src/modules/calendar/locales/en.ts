import type { calendarZhCN } from './zh-CN.ts';

export const calendarEn: Record<keyof typeof calendarZhCN, string> = {
  'menu.calendar': 'Working-day calendar',
  'calendar.title': 'Working-day calendar (public holidays and adjusted working days)',
  'calendar.intro': 'Deadlines counted in working days (such as a seminar summary report due 10 working days after the class) follow this calendar: Monday to Friday are working days, except the days off below; weekends listed as working days are counted.',
  'calendar.year': 'Year',
  'calendar.day': 'Date',
  'calendar.weekday': 'Weekday',
  'calendar.kind': 'Kind',
  'calendar.name': 'Name',
  'calendar.off': 'Day off',
  'calendar.working': 'Working day',
  'calendar.empty': 'No holidays are listed for this year yet; deadlines count Monday to Friday.',
  'calendar.add': 'Add a date',
  'calendar.remove': 'Remove',
  'calendar.save': 'Save this year',
  'calendar.saved': 'The {year} calendar is saved',
  'calendar.edit': 'Edit',
  'calendar.cancel': 'Cancel',
  'calendar.required': 'Required',
  'calendar.weekdays': 'Sun,Mon,Tue,Wed,Thu,Fri,Sat',
};
