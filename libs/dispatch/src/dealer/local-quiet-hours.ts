import { DealerSettings } from './dealer-settings';
import { QuietHoursPolicy } from './quiet-hours.port';
import { localMinuteOfDay, minutesOf } from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/**
 * Quiet hours read in the dealer's time zone, `start` inclusive, `end` exclusive, wrapping midnight when
 * start > end; start = end means none. A stand-in for libs/nurture's `nextAllowedSlot` until the merge.
 */
export class LocalQuietHours extends QuietHoursPolicy {
  override nextAllowedSlot(instant: Date, settings: DealerSettings): Date {
    const start = minutesOf(settings.quietHours.start);
    const end = minutesOf(settings.quietHours.end);
    if (start === end) return instant;
    let candidate = instant;
    for (let step = 0; step < 3; step += 1) {
      const local = localMinuteOfDay(candidate, settings.timeZone);
      if (!isQuiet(local, start, end)) return candidate;
      const wait = (end - local + DAY_MINUTES) % DAY_MINUTES;
      candidate = this.atLocalEnd(new Date(startOfMinute(candidate) + wait * MINUTE_MS), instant, settings, start, end);
    }
    return candidate;
  }

  /**
   * Counting minutes forward misses the local end of the window by the clock change when a daylight-saving
   * shift falls in between: move back onto the wall-clock end, unless that local time does not exist that day.
   */
  private atLocalEnd(rough: Date, instant: Date, settings: DealerSettings, start: number, end: number): Date {
    const drift = signedMinutes(localMinuteOfDay(rough, settings.timeZone) - end);
    if (drift === 0) return rough;
    const adjusted = new Date(rough.getTime() - drift * MINUTE_MS);
    const allowed = !isQuiet(localMinuteOfDay(adjusted, settings.timeZone), start, end);
    return allowed && adjusted.getTime() >= instant.getTime() ? adjusted : rough;
  }
}

/** A difference of minutes of the day as the shortest way round the clock (-720..720). */
const signedMinutes = (difference: number): number => ((((difference + 720) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES) - 720;

export function isQuiet(minuteOfDay: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

const startOfMinute = (instant: Date): number => instant.getTime() - (instant.getTime() % MINUTE_MS);
