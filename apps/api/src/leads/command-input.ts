import { LeadCommandInput } from '@crm/commands';
import { LeadCommand } from '@crm/lead';
import { TimedCommandBodyDto } from './dto/command-body.dto';

type Data<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>['data'];

/** A command's data and the facts its events' metadata carries (occurredAt, reason), from one request body. */
export interface TimedInput<D> {
  data: D;
  occurredAt?: string;
  reason?: string;
}

/** A lead command as a controller hands it over: the command, and the facts for its origin. */
export interface ApiLeadCommand {
  command: LeadCommandInput;
  occurredAt?: string;
  reason?: string;
}

/**
 * Splits a validated body into the command's data and the envelope's facts (occurredAt, reason).
 * `keepReason` is for the commands whose data has a domain `reason` of its own (hand-off, return, loss).
 */
export function commandInput<T extends LeadCommand['type']>(
  type: T,
  body: TimedCommandBodyDto & { reason?: string },
  extra: Partial<Data<T>> = {},
  keepReason = false,
): ApiLeadCommand {
  const { data, ...facts } = timedInput<Data<T>>(body, extra, keepReason);
  return { command: { type, data } as LeadCommandInput, ...facts };
}

export function timedInput<D>(body: TimedCommandBodyDto & { reason?: string }, extra: Partial<D> = {}, keepReason = false): TimedInput<D> {
  const { occurredAt, reason, ...rest } = body;
  const input: TimedInput<D> = { data: plain({ ...rest, ...(keepReason ? { reason } : {}), ...extra }) as D };
  if (occurredAt !== undefined) input.occurredAt = new Date(occurredAt).toISOString();
  if (reason !== undefined) input.reason = reason;
  return input;
}

/** Validated DTOs are class instances; events carry plain JSON without undefined members. */
function plain(value: object): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
