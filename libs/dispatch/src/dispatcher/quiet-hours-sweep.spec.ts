import { DEFAULT_DEALER_SETTINGS, isQuiet } from '@crm/nurture';
import { DealerQuietHours } from '../dealer/dealer-quiet-hours';
import { DAY, DispatchHarness, registerLead, scheduleTouch, startDispatchHarness } from '../testing/dispatch.harness';

const MINUTE = 60_000;
const STEP = 20 * MINUTE;
const quiet = (iso: string): boolean => isQuiet(Date.parse(iso), DEFAULT_DEALER_SETTINGS);

describe('quiet hours at send time, over a full week', () => {
  let h: DispatchHarness;
  beforeEach(async () => { h = await startDispatchHarness(); });
  afterEach(() => h.close());

  it('never sends inside 21:00-09:00 Shanghai time, never early, and no later than the first allowed step', async () => {
    await h.send('lead-1', registerLead('lead-1'));
    const start = h.clock.now().getTime();
    const dueTimes = new Map<string, string>();
    for (let at = start, n = 0; at < start + 7 * DAY; at += 47 * MINUTE, n += 1) {
      const touchId = `touch-${n}`;
      dueTimes.set(touchId, new Date(at).toISOString());
      await h.send('lead-1', scheduleTouch(touchId, new Date(at).toISOString()), 'saga');
    }
    for (let at = start; at <= start + 8 * DAY; at += STEP) {
      h.clock.set(new Date(at));
      await h.tick();
    }
    const sent = await h.events('lead-1', 'TouchSent');
    expect(sent).toHaveLength(dueTimes.size);
    const policy = new DealerQuietHours();
    let held = 0;
    for (const event of sent) {
      const { touchId } = event.data as { touchId: string };
      const dueAt = dueTimes.get(touchId) as string;
      const sentAt = event.metadata.recordedAt;
      expect(quiet(sentAt)).toBe(false);
      expect(sentAt >= dueAt).toBe(true);
      // The first round at or after the due time looks; if that falls in quiet hours, the touch waits for their end.
      const firstLook = start + Math.ceil((Date.parse(dueAt) - start) / STEP) * STEP;
      const allowed = policy.nextAllowedSlot(new Date(firstLook), DEFAULT_DEALER_SETTINGS).getTime();
      expect(Date.parse(sentAt) - allowed).toBeGreaterThanOrEqual(0);
      expect(Date.parse(sentAt) - allowed).toBeLessThan(STEP);
      if (quiet(dueAt)) held += 1;
    }
    // Half the day is quiet: a good share of the touches fell due in quiet hours and were held.
    expect(held).toBeGreaterThan(dueTimes.size / 3);
  });
});
