import { DealerSettings, QuietHours } from './dealer-settings';
import { instantAtWallTime, localDateOf, localMinutes, plusDays, wallMinutes } from '../calendar/zoned-time';

export type QuietHoursSettings = Pick<DealerSettings, 'timeZone' | 'quietHours'>;

/** A period of quiet hours that starts and ends at the same time is empty: the dealer has none. */
export function isQuiet(instant: number, settings: QuietHoursSettings): boolean {
  const { start, end } = bounds(settings.quietHours);
  if (start === end) return false;
  const now = wallMinutes(instant, settings.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first moment at or after `instant` outside the dealer's quiet hours (read on the wall clock of its time zone):
 * the instant itself when it is allowed, else the end of the quiet period it falls in. Pure and DST-safe; the
 * saga calls it when it plans a touch and the dispatcher again before sending (the settings may have changed).
 */
export function nextAllowedSlot(instant: string | Date, settings: QuietHoursSettings): string {
  let ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  // One step reaches the end of the period; an autumn night that repeats an hour of it may need a second.
  for (let step = 0; step < 4 && isQuiet(ms, settings); step += 1) ms = endOfQuietPeriod(ms, settings);
  if (isQuiet(ms, settings)) throw new Error(`No allowed slot found after ${new Date(ms).toISOString()}`);
  return new Date(ms).toISOString();
}

function endOfQuietPeriod(ms: number, settings: QuietHoursSettings): number {
  const { start, end } = bounds(settings.quietHours);
  const zone = settings.timeZone;
  // A period that wraps midnight and has begun this evening ends tomorrow; otherwise it ends today.
  const endsTomorrow = start > end && wallMinutes(ms, zone) >= start;
  const today = localDateOf(ms, zone);
  return instantAtWallTime(endsTomorrow ? plusDays(today, 1) : today, end, zone, ms);
}

function bounds(quietHours: QuietHours): { start: number; end: number } {
  const start = localMinutes(quietHours.start);
  const end = localMinutes(quietHours.end);
  if (start === undefined || end === undefined) throw new RangeError(`Quiet hours must be HH:mm: ${JSON.stringify(quietHours)}`);
  return { start, end };
}
