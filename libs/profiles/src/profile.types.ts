import type { SuggestionRules } from '@app/workflows/suggestion/suggestion.types';

/** How a deadline's amount is counted. */
export enum DeadlineUnit {
  /** Official working days: statutory holidays and swapped working days (调休) count, not just Mon–Fri. */
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
  MONTHS = 'MONTHS',
}

export type RehandlingTrigger = SuggestionRules['rehandlingTrigger'];

export const REHANDLING_TRIGGERS: readonly RehandlingTrigger[] = ['RESULT', 'HANDLING', 'EITHER'];

/** A date without time or zone, in the jurisdiction's local calendar. */
export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
