import { LeadCommandInput, StreamLoader } from '@crm/commands';
import { Clock } from '@crm/kernel';
import { LeadState, leadStreamId, WarningKind } from '@crm/lead';
import { DealerSettingsReader } from '../dealer/dealer-settings.reader';
import { dueEntriesOf } from '../due/due-entries';
import { DueEntry } from '../due/due-entry';
import { warningIdOf } from '../due/warning-id';
import { DispatchCommands } from './dispatch-commands';
import { DispatchOutcome, done, later } from './dispatch-outcome';

export interface DeadlineDispatchDeps {
  leads: StreamLoader<LeadState>;
  dealers: DealerSettingsReader;
  commands: DispatchCommands;
  clock: Clock;
}

/**
 * One deadline of a time-based rule. The lead's due work is derived again from its stream as it is now: if the
 * deadline is gone (an interaction came, the warning is already raised) nothing happens; if it moved, it waits;
 * otherwise the rule's commands go out, with ids derived from the lead, the kind and the rule's basis, so a
 * repeat (a crash, a second worker) records nothing.
 */
export class DeadlineDispatch {
  constructor(private readonly deps: DeadlineDispatchDeps) {}

  async handle(entry: DueEntry): Promise<DispatchOutcome> {
    const { state } = await this.deps.leads.load(leadStreamId(entry.leadId));
    if (state.status === 'unregistered') return done('skipped');
    const current = dueEntriesOf(state, await this.deps.dealers.settingsOf(state.dealerId)).find((e) => e.id === entry.id);
    if (!current) return done('skipped');
    if (Date.parse(current.dueAt) > this.deps.clock.now().getTime()) return later('postponed', new Date(current.dueAt));
    for (const [command, correlationId, reason] of this.commandsFor(current)) await this.deps.commands.send(current, command, correlationId, reason);
    return done('acted');
  }

  private commandsFor(entry: DueEntry): Array<[LeadCommandInput, string, string]> {
    const { kind, leadId, dueAt, basis = '', touchId = '' } = entry;
    switch (kind) {
      case 'first_contact_late':
        return [this.warning(entry, 'first_contact_late', basis, `no contact since registration at ${basis}`)];
      case 'going_cold':
        return [this.warning(entry, 'going_cold', basis, `hot lead without interaction since ${basis}`)];
      case 'churn_risk':
        return [this.warning(entry, 'churn_risk', basis, `customer without interaction since ${basis}`)];
      case 'touch_overdue': {
        const warn = this.warning(entry, 'touch_overdue', touchId, `touch ${touchId} not completed`);
        // The warning first: the mark ends the deadline, so a crash between the two still leaves the mark due.
        return [warn, [{ type: 'MarkTouchOverdue', data: { touchId } }, warn[1], `not completed by ${dueAt}`]];
      }
      case 'follow_up_stalled':
        return [[{ type: 'ReturnLeadToNurturing', data: { reason: 'follow_up_stalled', note: `no interaction since ${basis}` } }, leadId,
          `consultant follow-up stalled since ${basis}`]];
      case 'touch':
        return [];
    }
  }

  private warning(entry: DueEntry, kind: WarningKind, basis: string, detail: string): [LeadCommandInput, string, string] {
    const warningId = warningIdOf(entry.leadId, kind, basis);
    const data = { warningId, kind, deadline: entry.dueAt, detail, ...(entry.touchId ? { touchId: entry.touchId } : {}) };
    return [{ type: 'RaiseEarlyWarning', data }, warningId, `${kind}: deadline ${entry.dueAt} passed`];
  }
}
