import { StreamLoader } from '@crm/commands';
import { Clock } from '@crm/kernel';
import { LeadState, leadStreamId, RegisteredLeadState, TouchState } from '@crm/lead';
import { PermanentDeliveryError, TouchChannel } from '../channels/touch-channel.port';
import { touchMessage } from '../channels/touch-message';
import { DealerSettingsReader } from '../dealer/dealer-settings.reader';
import { QuietHoursPolicy } from '../dealer/quiet-hours.port';
import { DueEntry } from '../due/due-entry';
import { DispatchCommands } from './dispatch-commands';
import { DispatchOutcome, done, later } from './dispatch-outcome';
import { nextAttemptAt, RetryPolicy } from './retry-backoff';

export interface TouchDispatchDeps {
  leads: StreamLoader<LeadState>;
  dealers: DealerSettingsReader;
  quietHours: QuietHoursPolicy;
  channel: TouchChannel;
  commands: DispatchCommands;
  clock: Clock;
  retry: RetryPolicy;
}

/**
 * One due touch: checked against the lead's stream as it is now (the index may lag), then sent or not. A touch
 * no longer scheduled is left alone; a marketing touch whose lead withdrew consent is cancelled; quiet hours
 * postpone it; otherwise it goes through the channel with the touch id as idempotency key and the outcome is
 * recorded in the lead's stream, where the next attempt (after a crash, or by another worker) reads it.
 */
export class TouchDispatch {
  constructor(private readonly deps: TouchDispatchDeps) {}

  async handle(entry: DueEntry): Promise<DispatchOutcome> {
    const { state } = await this.deps.leads.load(leadStreamId(entry.leadId));
    const touchId = entry.touchId ?? '';
    const touch = state.status === 'unregistered' ? undefined : state.touches[touchId];
    if (state.status === 'unregistered' || !touch || touch.status !== 'scheduled') return done('skipped');
    const now = this.deps.clock.now();
    if (Date.parse(touch.dueAt) > now.getTime()) return later('postponed', new Date(touch.dueAt));
    if (touch.marketing && !state.marketingConsent) {
      await this.deps.commands.send(entry, { type: 'CancelTouch', data: { touchId, reason: 'consent_withdrawn' } }, touchId,
        'marketing touch due without the lead\'s consent');
      return done('cancelled');
    }
    const slot = this.deps.quietHours.nextAllowedSlot(now, await this.deps.dealers.settingsOf(state.dealerId));
    if (slot.getTime() > now.getTime()) return later('postponed', slot);
    return this.send(entry, state, touchId, touch);
  }

  private async send(entry: DueEntry, lead: RegisteredLeadState, touchId: string, touch: TouchState): Promise<DispatchOutcome> {
    const { channel, commands, retry } = this.deps;
    // After a crash between sending and recording, the attempt is made again under the same number and key.
    const attempt = touch.attempts + 1;
    try {
      await channel.send(touchMessage(lead.leadId, lead.dealerId, touchId, touch));
    } catch (error) {
      const giveUp = error instanceof PermanentDeliveryError || attempt >= retry.maxAttempts;
      const message = (error as Error).message ?? String(error);
      await commands.send(entry, { type: 'RecordTouchDeliveryFailure', data: { touchId, attempt, error: message, giveUp } }, touchId,
        giveUp ? `delivery failed, giving up after attempt ${attempt}` : `delivery attempt ${attempt} failed`);
      return giveUp ? done('failed') : later('retrying', nextAttemptAt(this.deps.clock.now(), attempt, retry));
    }
    await commands.send(entry, { type: 'RecordTouchSent', data: { touchId, via: channel.name, attempt } }, touchId, `sent via ${channel.name}`);
    return done('sent');
  }
}
