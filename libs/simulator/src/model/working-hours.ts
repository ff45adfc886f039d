import { DateTime } from 'luxon';

const HOUR_MS = 3_600_000;

/** Opening hours on the dealer's wall clock, whole hours [from, to). */
export interface OpeningHours {
  timeZone: string;
  from: number;
  to: number;
}

/**
 * The first moment at or after `ms` when the showroom is open: staff do their work, and customers walk in, then.
 * A time after closing moves to the next morning at opening plus the minutes it was past the hour, so that evening
 * work spreads over the morning's first hour rather than piling up at the stroke of opening. Called for every
 * planned action, hence wall-clock arithmetic on a cached zone offset rather than a zoned date object per call.
 */
export function nextOpenMoment(ms: number, hours: OpeningHours): number {
  const wall = ms + offsetMs(ms, hours.timeZone);
  const dayStart = wall - mod(wall, DAY_MS);
  const hour = (wall - dayStart) / HOUR_MS;
  if (hour >= hours.from && hour < hours.to) return ms;
  const morning = (hour < hours.from ? dayStart : dayStart + DAY_MS) + hours.from * HOUR_MS + Math.floor(mod(wall, HOUR_MS) / 1000) * 1000;
  return morning - offsetMs(morning - offsetMs(ms, hours.timeZone), hours.timeZone);
}

const DAY_MS = 24 * HOUR_MS;
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();
const mod = (a: number, b: number): number => ((a % b) + b) % b;

/** The zone's offset from UTC at an instant, in ms; zones change offsets only on quarter hours, so it is cached per quarter. */
function offsetMs(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = DateTime.fromMillis(quarter * QUARTER_MS, { zone: timeZone }).offset * 60_000;
    zone.set(quarter, offset);
  }
  return offset;
}

/** A moment on a local day: `day` is any instant of that day, `hour` a fractional local hour. */
export function atLocalHour(dayMs: number, hour: number, timeZone: string): number {
  const start = DateTime.fromMillis(dayMs, { zone: timeZone }).startOf('day');
  return start.plus({ milliseconds: Math.round(hour * HOUR_MS) }).toMillis();
}

/** Calendar facts of an instant on the dealer's wall clock: month 0-11, weekday 0 (Monday)-6. */
export function localCalendar(ms: number, timeZone: string): { month: number; weekday: number; date: string } {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return { month: local.month - 1, weekday: local.weekday - 1, date: local.toISODate() ?? '' };
}

/** The local date `days` after the instant, as YYYY-MM-DD (insurance terms, inspections). */
export function localDatePlus(ms: number, timeZone: string, { years = 0, days = 0 }: { years?: number; days?: number }): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).plus({ years, days }).toISODate() ?? '';
}

/**
 * The clock's next stop after `ms`: `stepMs` later while the showroom is open (closing time included, so the last
 * hour's work is done that evening), else the next opening. Nobody works at night and quiet hours hold every touch
 * back, so the night is one step: what arrived online meanwhile is handled at opening, dated when it came.
 */
export function nextClockStop(ms: number, stepMs: number, hours: OpeningHours): number {
  const candidate = DateTime.fromMillis(ms + stepMs, { zone: hours.timeZone });
  const minutes = candidate.hour * 60 + candidate.minute;
  if (minutes >= hours.from * 60 && minutes <= hours.to * 60) return candidate.toMillis();
  const morning = candidate.hour < hours.from ? candidate : candidate.plus({ days: 1 });
  return morning.set({ hour: hours.from, minute: 0, second: 0, millisecond: 0 }).toMillis();
}
