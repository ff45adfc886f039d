import { DateTime } from 'luxon';
import { Offset } from '../cadence/cadence-policy';
import { LocalDate, instantAtWallTime, localDateOf, localMinutes, plusDays } from './zoned-time';

export { isValidTimeZone } from './zoned-time';

export type { LocalDate } from './zoned-time';
export { localDateOf } from './zoned-time';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An offset added on the dealer's calendar: a month later is the same wall time a calendar month later. */
export function addOffset(ms: number, offset: Offset, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).plus({ months: offset.months ?? 0, days: offset.days ?? 0, hours: offset.hours ?? 0 }).toMillis();
}

/** A day of the calendar plus whole months (the 31st becomes the month's last day) and days. */
export function shiftDate(date: LocalDate, { months = 0, days = 0 }: { months?: number; days?: number }): LocalDate {
  const { year, month, day } = DateTime.fromObject(date, { zone: 'UTC' }).plus({ months, days });
  return { year, month, day };
}

/** The instant a local time of day happens on a date in the zone (the first, if the clocks repeat it). */
export function atLocalTime(date: LocalDate, time: string, zone: string): number {
  const minutes = localMinutes(time);
  if (minutes === undefined) throw new RangeError(`Not a local time HH:mm: ${time}`);
  return instantAtWallTime(date, minutes, zone);
}

/** The instant a calendar day ('YYYY-MM-DD') ends in the zone: the next day's local midnight (or the first instant after it). */
export function endOfLocalDay(date: string, zone: string): Date {
  const day = parseDate(date);
  if (!day) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(instantAtWallTime(plusDays(day, 1), 0, zone));
}

export function parseDate(value: string): LocalDate | undefined {
  const match = DATE.exec(value);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

export const formatDate = ({ year, month, day }: LocalDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

