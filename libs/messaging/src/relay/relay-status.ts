import type { EventStore } from '@crm/event-store';
import type { Clock } from '@crm/kernel';

export interface RelayStatus {
  name: string;
  /** The last position whose messages the broker acknowledged (null when unknown). */
  checkpoint: number | null;
  headPosition: number;
  eventsBehind: number;
  /** How long the oldest unrelayed event has waited (by its recorded-at); 0 when caught up. */
  secondsBehind: number;
  /** When the current broker outage began, or null. */
  outageSince: string | null;
  /**
   * This process's relay: `active` sends; `standby` waits while another relay of the name sends (the checkpoint and
   * lag are then that relay's). Absent when read from outside a relay (the CLI).
   */
  role?: 'active' | 'standby';
}

/** Lag of a relay at a checkpoint, measured against the event log: the same yardstick as projection status. */
export async function relayStatus(
  store: EventStore, clock: Clock, name: string, checkpoint: number | null, outageSince: string | null = null,
  role?: RelayStatus['role'],
): Promise<RelayStatus> {
  const headPosition = await store.headPosition();
  const eventsBehind = Math.max(0, headPosition - (checkpoint ?? 0));
  let secondsBehind = 0;
  if (eventsBehind > 0) {
    const [oldest] = await store.readAll({ afterPosition: checkpoint ?? 0, maxCount: 1 });
    if (oldest) secondsBehind = Math.max(0, (clock.now().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000);
  }
  const status: RelayStatus = { name, checkpoint, headPosition, eventsBehind, secondsBehind, outageSince };
  return role ? { ...status, role } : status;
}
