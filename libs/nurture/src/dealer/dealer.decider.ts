import { ActorRole, assertNever } from '@crm/kernel';
import { mergeCadenceOverride, sameCadenceOverride } from '../cadence/cadence-override';
import { validateCadenceOverride } from '../cadence/cadence-override.validation';
import { ChangeDealerSettings, DealerCommand, RouteLeadToConsultant } from './dealer-commands';
import { DealerEvent, DealerSettingsChanged } from './dealer-events';
import { DealerErrorCode, dealerFail } from './dealer.errors';
import { DealerState, routedTo } from './dealer-state';
import { validateSettingsChange } from './dealer-settings.validation';

/** Who may change the dealer's settings and staff: its managers and admins, and the system (seeding, import). */
const MANAGING_ROLES: readonly ActorRole[] = ['manager', 'admin', 'system'];
const MAX_ID = 100;
const MAX_NAME = 200;

/** Pure: what a dealer command makes happen. An empty list means it changes nothing (a safe retry). */
export function decideDealer(command: DealerCommand, state: DealerState): DealerEvent[] {
  if (!MANAGING_ROLES.includes(command.context.actor.role)) {
    dealerFail(DealerErrorCode.DealerAccessForbidden, `A ${command.context.actor.role} cannot manage the dealer`);
  }
  switch (command.type) {
    case 'ChangeDealerSettings':
      return changeSettings(command, state);
    case 'AddConsultant': {
      const { consultantId, name } = command.data;
      checkText(consultantId, 'consultantId', MAX_ID);
      checkText(name, 'name', MAX_NAME);
      if (state.consultants[consultantId]) return [];
      return [{ type: 'ConsultantJoined', data: { consultantId, name } }];
    }
    case 'RemoveConsultant': {
      const { consultantId } = command.data;
      if (!state.consultants[consultantId]) {
        dealerFail(DealerErrorCode.ConsultantNotFound, `No consultant ${consultantId}`, 'consultantId');
      }
      return [{ type: 'ConsultantLeft', data: { consultantId } }];
    }
    case 'RouteLeadToConsultant':
      return routeLead(command, state);
    default:
      return assertNever(command);
  }
}

/** Records only what differs from the settings in force, so that sending the same settings twice records nothing. */
function changeSettings(command: ChangeDealerSettings, state: DealerState): DealerEvent[] {
  const { timeZone, quietHours, responseMinutes, warningDays, cadence } = command.data;
  validateSettingsChange({ timeZone, quietHours, responseMinutes, warningDays });
  if (cadence !== undefined) validateCadenceOverride(cadence);
  const current = state.settings;
  const data: DealerSettingsChanged['data'] = {};
  if (timeZone !== undefined && timeZone !== current.timeZone) data.timeZone = timeZone;
  if (quietHours !== undefined && (quietHours.start !== current.quietHours.start || quietHours.end !== current.quietHours.end)) {
    data.quietHours = { start: quietHours.start, end: quietHours.end };
  }
  const responses = changedEntries(responseMinutes, current.responseMinutes);
  if (responses) data.responseMinutes = responses;
  const warnings = changedEntries(warningDays, current.warningDays);
  if (warnings) data.warningDays = warnings;
  if (cadence !== undefined && !sameCadenceOverride(mergeCadenceOverride(state.cadence, cadence), state.cadence)) data.cadence = cadence;
  return Object.keys(data).length === 0 ? [] : [{ type: 'DealerSettingsChanged', data }];
}

/**
 * The first preferred consultant still with the dealer, else the round robin's turn: the consultant seated after
 * the one it picked last (seats in joining order, wrapping around), so that leaving or joining keeps the order.
 */
function routeLead(command: RouteLeadToConsultant, state: DealerState): DealerEvent[] {
  const { routingId, leadId, preferredConsultantIds = [] } = command.data;
  if (routedTo(state, routingId) !== undefined) return [];
  const preferred = preferredConsultantIds.find((id) => state.consultants[id] !== undefined);
  if (preferred !== undefined) {
    return [{ type: 'LeadRoutedToConsultant', data: { routingId, leadId, consultantId: preferred, pick: 'preferred' } }];
  }
  const seated = Object.entries(state.consultants).sort(([, a], [, b]) => a.seat - b.seat);
  if (seated.length === 0) dealerFail(DealerErrorCode.NoConsultantAvailable, 'The dealer has no consultant to hand the lead to');
  const last = state.lastRoundRobinSeat ?? -1;
  const [consultantId] = seated.find(([, consultant]) => consultant.seat > last) ?? (seated[0] as [string, unknown]);
  return [{ type: 'LeadRoutedToConsultant', data: { routingId, leadId, consultantId, pick: 'round_robin' } }];
}

function changedEntries<K extends string>(requested: Partial<Record<K, number>> | undefined, current: Record<K, number>): Partial<Record<K, number>> | undefined {
  if (!requested) return undefined;
  const changed = Object.fromEntries(Object.entries(requested).filter(([key, value]) => current[key as K] !== value)) as Partial<Record<K, number>>;
  return Object.keys(changed).length > 0 ? changed : undefined;
}

function checkText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    dealerFail(DealerErrorCode.InvalidConsultant, `${field} must be 1 to ${max} characters`, field);
  }
}
