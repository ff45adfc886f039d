import { LeadCommand } from '../../commands/lead-commands';
import { LeadEvent } from '../../events/lead-events';
import { LeadError, LeadErrorCode } from '../../lead.errors';
import { RegisteredLeadState } from '../lead-state';

export const HOUR_MS = 3_600_000;

/** A command of one type, for the rule functions. */
export type CommandOf<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;

/** Every rule receives a lead that exists; the decider checks that first. */
export type Rule<T extends LeadCommand['type']> = (command: CommandOf<T>, lead: RegisteredLeadState) => LeadEvent[];

export function fail(code: LeadErrorCode, message: string, field?: string): never {
  throw new LeadError(code, message, field);
}

/** Milliseconds since the epoch, or an INVALID_TIMESTAMP error naming the field. */
export function timeOf(value: string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) fail(LeadErrorCode.InvalidTimestamp, `${field} is not a valid timestamp`, field);
  return ms;
}

export function checkOptionalTime(value: string | undefined, field: string): void {
  if (value !== undefined) timeOf(value, field);
}

/** Event data without keys whose value is undefined, so stored JSON and in-memory events look the same. */
export function compact<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
