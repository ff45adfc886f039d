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
 * A time after closing moves to the next morning at opening plus the minutes it was past closing (bounded to the
 * first hours), so that evening work spreads over the morning rather than piling up at the stroke of opening.
 */
export function nextOpenMoment(ms: number, hours: OpeningHours): number {
  const local = DateTime.fromMillis(ms, { zone: hours.timeZone });
  if (local.hour >= hours.from && local.hour < hours.to) return ms;
  const morning = (local.hour < hours.from ? local : local.plus({ days: 1 })).set({ hour: hours.from, minute: 0, second: 0, millisecond: 0 });
  const spread = (local.minute * 60_000 + local.second * 1000) % (2 * HOUR_MS);
  return morning.toMillis() + spread;
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
