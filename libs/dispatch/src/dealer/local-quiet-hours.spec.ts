import { DEFAULT_DEALER_SETTINGS } from './dealer-defaults';
import { DealerSettings } from './dealer-settings';
import { isQuiet, LocalQuietHours } from './local-quiet-hours';
import { endOfLocalDay, localMinuteOfDay, minutesOf } from './zoned-time';

const policy = new LocalQuietHours();
const MINUTE = 60_000;

function quietAt(instant: Date, settings: DealerSettings): boolean {
  return isQuiet(localMinuteOfDay(instant, settings.timeZone), minutesOf(settings.quietHours.start), minutesOf(settings.quietHours.end));
}

describe('LocalQuietHours', () => {
  it('moves an instant inside 21:00-09:00 Shanghai time to 09:00 the next morning', () => {
    // 22:30 in Shanghai is 14:30 UTC.
    expect(policy.nextAllowedSlot(new Date('2026-03-02T14:30:00.000Z'), DEFAULT_DEALER_SETTINGS).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    // 08:59:30 waits half a minute; 09:00 itself is allowed.
    expect(policy.nextAllowedSlot(new Date('2026-03-03T00:59:30.000Z'), DEFAULT_DEALER_SETTINGS).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(policy.nextAllowedSlot(new Date('2026-03-03T01:00:00.000Z'), DEFAULT_DEALER_SETTINGS).toISOString()).toBe('2026-03-03T01:00:00.000Z');
  });

  it('knows no quiet hours when start equals end', () => {
    const none = { ...DEFAULT_DEALER_SETTINGS, quietHours: { start: '00:00', end: '00:00' } };
    const at = new Date('2026-03-02T14:30:00.000Z');
    expect(policy.nextAllowedSlot(at, none)).toBe(at);
  });

  it.each<[string, DealerSettings]>([
    ['Shanghai, across midnight', DEFAULT_DEALER_SETTINGS],
    ['New York over the March clock change', { ...DEFAULT_DEALER_SETTINGS, timeZone: 'America/New_York', quietHours: { start: '20:00', end: '08:30' } }],
    ['New York over the November clock change, from 2026-10-29', { ...DEFAULT_DEALER_SETTINGS, timeZone: 'America/New_York', quietHours: { start: '20:00', end: '08:30' } }],
    ['Berlin, a window inside the day', { ...DEFAULT_DEALER_SETTINGS, timeZone: 'Europe/Berlin', quietHours: { start: '12:00', end: '14:00' } }],
  ])('sweeping a full week (%s): never inside quiet hours, never earlier, the first allowed minute', (label, settings) => {
    const from = Date.parse(label.includes('November') ? '2026-10-29T00:00:00.000Z' : '2026-03-05T00:00:00.000Z');
    for (let t = from; t < from + 7 * 24 * 60 * MINUTE; t += 11 * MINUTE + 13_000) {
      const instant = new Date(t);
      const slot = policy.nextAllowedSlot(instant, settings);
      expect(quietAt(slot, settings)).toBe(false);
      expect(slot.getTime()).toBeGreaterThanOrEqual(t);
      if (!quietAt(instant, settings)) expect(slot).toBe(instant);
      else expect(quietAt(new Date(slot.getTime() - MINUTE), settings)).toBe(true);
      expect(slot.getTime() - t).toBeLessThan(24 * 60 * MINUTE);
    }
  });
});

describe('endOfLocalDay', () => {
  it('is the next local midnight in the dealer time zone', () => {
    expect(endOfLocalDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(endOfLocalDay('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(endOfLocalDay('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
