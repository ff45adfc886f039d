import { LeadCommand } from '../../commands/lead-commands';
import { LeadEvent } from '../../events/lead-events';
import { LeadError, LeadErrorCode } from '../../lead.errors';
import { RegisteredLeadState } from '../lead-state';

export const HOUR_MS = 3_600_000;

/** A command of one type, for the rule functions. */
export type CommandOf<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;

/** Every rule receives a lead that exists; the decider checks that first. */
export type Rule<T extends LeadCommand['type']> = (command: CommandOf<T>, lead: RegisteredLeadState) => LeadEvent[];

export function fail(code: LeadErrorCode, message: string, field?: string): never {
  throw new LeadError(code, message, field);
}

/** Milliseconds since the epoch, or an INVALID_TIMESTAMP error naming the field. */
export function timeOf(value: string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) fail(LeadErrorCode.InvalidTimestamp, `${field} is not a valid timestamp`, field);
  return ms;
}

export function checkOptionalTime(value: string | undefined, field: string): void {
  if (value !== undefined) timeOf(value, field);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** A real day of the calendar, YYYY-MM-DD (no time, no zone: the dealer's zone is applied when planning). */
export function isCalendarDate(value: unknown): boolean {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  return match !== null && isDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** MM-DD (29 February allowed), or a YYYY-MM-DD that is a real day not after `today`. */
export function isBirthday(value: unknown, today: string): boolean {
  if (typeof value !== 'string') return false;
  const monthDay = MONTH_DAY.exec(value);
  if (monthDay) return isDay(2000, Number(monthDay[1]), Number(monthDay[2]));
  return isCalendarDate(value) && value <= today.slice(0, 10);
}

function isDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Event data without keys whose value is undefined, so stored JSON and in-memory events look the same. */
export function compact<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
