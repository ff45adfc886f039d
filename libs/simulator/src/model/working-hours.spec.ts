import { DateTime } from 'luxon';
import { nextClockStop, nextOpenMoment } from './working-hours';

const SHANGHAI = { timeZone: 'Asia/Shanghai', from: 9, to: 20 };
const BERLIN = { timeZone: 'Europe/Berlin', from: 9, to: 20 };
const at = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

describe('working hours on the dealer\'s wall clock', () => {
  it('keeps a moment inside opening hours and moves one outside them to the next opening, minutes kept', () => {
    expect(local(nextOpenMoment(at('2026-03-02T10:15:00', 'Asia/Shanghai'), SHANGHAI), 'Asia/Shanghai')).toBe('2026-03-02T10:15:00');
    expect(local(nextOpenMoment(at('2026-03-02T22:40:30', 'Asia/Shanghai'), SHANGHAI), 'Asia/Shanghai')).toBe('2026-03-03T09:40:30');
    expect(local(nextOpenMoment(at('2026-03-02T03:05:00', 'Asia/Shanghai'), SHANGHAI), 'Asia/Shanghai')).toBe('2026-03-02T09:05:00');
  });

  it('reads the wall clock across a daylight-saving change', () => {
    // Berlin springs forward on 29 March 2026: the night is an hour shorter, opening is still 09:00 local.
    expect(local(nextOpenMoment(at('2026-03-28T21:30:00', 'Europe/Berlin'), BERLIN), 'Europe/Berlin')).toBe('2026-03-29T09:30:00');
    expect(local(nextOpenMoment(at('2026-10-24T23:10:00', 'Europe/Berlin'), BERLIN), 'Europe/Berlin')).toBe('2026-10-25T09:10:00');
  });

  it('steps hourly while open, closing time included, and jumps the night', () => {
    const stops: string[] = [];
    for (let ms = at('2026-03-02T18:00:00', 'Asia/Shanghai'), i = 0; i < 4; i += 1) stops.push(local((ms = nextClockStop(ms, 3_600_000, SHANGHAI)), 'Asia/Shanghai'));
    expect(stops).toEqual(['2026-03-02T19:00:00', '2026-03-02T20:00:00', '2026-03-03T09:00:00', '2026-03-03T10:00:00']);
  });
});
