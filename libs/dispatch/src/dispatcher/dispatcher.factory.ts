import { StreamLoader } from '@crm/commands';
import { AppConfig } from '@crm/config';
import { Clock } from '@crm/kernel';
import { LeadState } from '@crm/lead';
import { TouchChannel } from '../channels/touch-channel.port';
import { DealerSettingsReader } from '../dealer/dealer-settings.reader';
import { QuietHoursPolicy } from '../dealer/quiet-hours.port';
import { DueWorkStore } from '../store/due-work-store.port';
import { DeadlineDispatch } from './deadline.dispatch';
import { DispatchCommands, LeadCommandBus } from './dispatch-commands';
import { Dispatcher } from './dispatcher';
import { TouchDispatch } from './touch.dispatch';

export interface DispatcherParts {
  store: DueWorkStore;
  leads: StreamLoader<LeadState>;
  bus: LeadCommandBus;
  channel: TouchChannel;
  dealers: DealerSettingsReader;
  quietHours: QuietHoursPolicy;
  clock: Clock;
}

type DispatchConfig = Pick<AppConfig,
  'DISPATCH_BATCH_SIZE' | 'DISPATCH_LEASE_MS' | 'DISPATCH_CONCURRENCY' | 'TOUCH_MAX_ATTEMPTS' | 'TOUCH_RETRY_BASE_MS'>;

const SIX_HOURS_MS = 6 * 3_600_000;

/** Puts the dispatcher together from its parts and the configuration (the Nest module and bare processes alike). */
export function createDispatcher(config: DispatchConfig, parts: DispatcherParts, owner: string, onError?: (error: unknown) => void): Dispatcher {
  const commands = new DispatchCommands(parts.bus);
  const retry = { maxAttempts: config.TOUCH_MAX_ATTEMPTS, baseMs: config.TOUCH_RETRY_BASE_MS, maxMs: SIX_HOURS_MS };
  const touches = new TouchDispatch({ ...parts, commands, retry });
  const deadlines = new DeadlineDispatch({ ...parts, commands });
  return new Dispatcher(parts.store, touches, deadlines, parts.clock, {
    owner, batchSize: config.DISPATCH_BATCH_SIZE, leaseMs: config.DISPATCH_LEASE_MS, concurrency: config.DISPATCH_CONCURRENCY,
    errorRetryMs: config.TOUCH_RETRY_BASE_MS, onError,
  });
}
