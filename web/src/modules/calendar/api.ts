import { api } from '../../shared/api.ts';

export type CalendarDay = { day: string; working: boolean; name: string };
export type CalendarYear = { year: number; days: (CalendarDay & { updatedAt: string })[] };

export const calendarKeys = { year: (year: number) => ['calendar', year] as const };

export const fetchCalendarYear = (year: number) => api.get<CalendarYear>(`/api/public/calendar/${year}`);
export const saveCalendarYear = (year: number, days: CalendarDay[]) => api.put<CalendarYear>(`/api/calendar/${year}`, { days });
