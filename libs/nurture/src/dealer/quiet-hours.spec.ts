import { DealerSettings, QuietHours } from './dealer-settings';
import { isQuiet, nextAllowedSlot } from './quiet-hours';

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
const WEEK = 7 * 24 * 60 * MINUTE;

/** The oracle reads the wall clock through Intl, not through the code under test (which uses luxon). */
const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(ms: number, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

function quietByOracle(ms: number, zone: string, { start, end }: QuietHours): boolean {
  const [s, e] = [start, end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
  const now = wallClock(ms, zone);
  if (s === e) return false;
  return (s as number) < (e as number) ? now >= (s as number) && now < (e as number) : now >= (s as number) || now < (e as number);
}

interface Sweep { zone: string; weekFrom: string; quietHours: QuietHours; why: string }

const SWEEPS: Sweep[] = [
  { zone: 'Asia/Shanghai', weekFrom: '2026-03-02T00:00:00Z', quietHours: { start: '21:00', end: '09:00' }, why: 'the default, wrapping midnight' },
  { zone: 'Asia/Shanghai', weekFrom: '2026-03-02T00:00:00Z', quietHours: { start: '12:00', end: '13:30' }, why: 'a lunch break inside one day' },
  { zone: 'Europe/Berlin', weekFrom: '2026-03-25T00:00:00Z', quietHours: { start: '21:00', end: '09:00' }, why: 'wrapping midnight over the spring change' },
  { zone: 'Europe/Berlin', weekFrom: '2026-03-25T00:00:00Z', quietHours: { start: '01:30', end: '02:30' }, why: 'ending inside the hour that spring skips' },
  { zone: 'Europe/Berlin', weekFrom: '2026-10-22T00:00:00Z', quietHours: { start: '01:30', end: '02:30' }, why: 'ending inside the hour that autumn repeats' },
  { zone: 'America/New_York', weekFrom: '2026-03-05T00:00:00Z', quietHours: { start: '22:00', end: '02:30' }, why: 'wrapping midnight and ending in the spring gap' },
  { zone: 'America/New_York', weekFrom: '2026-10-29T00:00:00Z', quietHours: { start: '20:00', end: '08:00' }, why: 'wrapping midnight over the autumn change' },
];

describe('nextAllowedSlot', () => {
  it.each(SWEEPS)('never lands in quiet hours, every 15 minutes of a week: $zone $quietHours.start-$quietHours.end ($why)', (sweep) => {
    const settings: Pick<DealerSettings, 'timeZone' | 'quietHours'> = { timeZone: sweep.zone, quietHours: sweep.quietHours };
    const from = Date.parse(sweep.weekFrom);
    let moved = 0;
    for (let t = from; t < from + WEEK; t += STEP) {
      const slot = Date.parse(nextAllowedSlot(new Date(t), settings));
      expect(slot).toBeGreaterThanOrEqual(t);
      expect(quietByOracle(slot, sweep.zone, sweep.quietHours)).toBe(false);
      if (!quietByOracle(t, sweep.zone, sweep.quietHours)) {
        expect(slot).toBe(t);
        continue;
      }
      moved += 1;
      // The earliest allowed moment: the minute before it is still quiet, and so is every sample on the way.
      expect(quietByOracle(slot - MINUTE, sweep.zone, sweep.quietHours)).toBe(true);
      for (let between = t; between < slot; between += STEP) expect(quietByOracle(between, sweep.zone, sweep.quietHours)).toBe(true);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('moves a night-time touch in Shanghai to 09:00 local the next morning', () => {
    const settings = { timeZone: 'Asia/Shanghai', quietHours: { start: '21:00', end: '09:00' } };
    expect(nextAllowedSlot('2026-01-05T14:30:00.000Z', settings)).toBe('2026-01-06T01:00:00.000Z'); // 22:30 -> 09:00 next day
    expect(nextAllowedSlot('2026-01-05T19:00:00.000Z', settings)).toBe('2026-01-06T01:00:00.000Z'); // 03:00 -> 09:00 same day
    expect(nextAllowedSlot('2026-01-05T03:00:00.000Z', settings)).toBe('2026-01-05T03:00:00.000Z'); // 11:00 stays
  });

  it('lands at the moment the clocks jump when the quiet period ends in the skipped hour', () => {
    const settings = { timeZone: 'Europe/Berlin', quietHours: { start: '01:30', end: '02:30' } };
    // 2026-03-29 01:45 CET (00:45Z): 02:30 never happens; at 01:00Z the clocks read 03:00 CEST.
    expect(nextAllowedSlot('2026-03-29T00:45:00.000Z', settings)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('has no quiet hours when they start and end at the same time', () => {
    const settings = { timeZone: 'Asia/Shanghai', quietHours: { start: '00:00', end: '00:00' } };
    expect(isQuiet(Date.parse('2026-01-05T18:00:00Z'), settings)).toBe(false);
    expect(nextAllowedSlot('2026-01-05T18:00:00.000Z', settings)).toBe('2026-01-05T18:00:00.000Z');
  });

  it('refuses what is not an instant, a zone or a time of day', () => {
    const settings = { timeZone: 'Asia/Shanghai', quietHours: { start: '21:00', end: '09:00' } };
    expect(() => nextAllowedSlot('soon', settings)).toThrow(RangeError);
    expect(() => nextAllowedSlot('2026-01-05T18:00:00Z', { ...settings, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => nextAllowedSlot('2026-01-05T18:00:00Z', { ...settings, quietHours: { start: '9pm', end: '09:00' } })).toThrow(RangeError);
  });
});
