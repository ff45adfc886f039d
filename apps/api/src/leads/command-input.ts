import { LeadCommand } from '@crm/lead';
import { TimedCommandBodyDto } from './dto/command-body.dto';
import { LeadCommandInput } from './lead-command.handler';

type Data<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>['data'];

/**
 * Splits a validated body into the command's data and the envelope's facts (occurredAt, reason).
 * `keepReason` is for the commands whose data has a domain `reason` of its own (hand-off, return, loss).
 */
export function commandInput<T extends LeadCommand['type']>(
  type: T,
  body: TimedCommandBodyDto & { reason?: string },
  extra: Partial<Data<T>> = {},
  keepReason = false,
): LeadCommandInput {
  const { occurredAt, reason, ...rest } = body;
  const data = plain({ ...rest, ...(keepReason ? { reason } : {}), ...extra });
  const input: LeadCommandInput = { type, data: data as Data<T> };
  if (occurredAt !== undefined) input.occurredAt = new Date(occurredAt).toISOString();
  if (reason !== undefined) input.reason = reason;
  return input;
}

/** Validated DTOs are class instances; events carry plain JSON without undefined members. */
function plain(value: object): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
