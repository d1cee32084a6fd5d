import type { ErrorDetail } from '../../../platform/http/errors.ts';
import { type ComplianceRules, checkHours, checkRecordDates } from '../rules.ts';

export type RecordContent = {
  year: number;
  category: string;
  form: string;
  title: string;
  providerName?: string;
  startDate: string;
  endDate: string;
  hours: number;
  field: string;
};

/** Meaning checks of a record's content under the rules in force (pure); shape is the schema's job. */
export function checkRecordContent(input: RecordContent, rules: ComplianceRules, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const hours = checkHours(input.hours);
  if (hours) details.push({ code: hours, path: '/hours' });
  for (const problem of checkRecordDates(input, rules, now)) {
    details.push({ code: problem, path: problem === 'LEARNING_OUTSIDE_YEAR' || problem === 'LEARNING_PAST_DEADLINE' ? '/year' : '/endDate' });
  }
  return details;
}
