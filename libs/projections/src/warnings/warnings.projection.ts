import { decodeLeadEvent, LeadEnvelope, Projection } from '../projection';
import { LeadWarningsView } from './lead-warnings.view';

export const WARNINGS_PROJECTION = 'warnings';

/** The early warnings raised on each lead (EarlyWarningRaised), kept per lead for GET /warnings. */
export class WarningsProjection implements Projection<LeadWarningsView, LeadEnvelope> {
  readonly name = WARNINGS_PROJECTION;
  readonly collection = 'leads';
  readonly decode = decodeLeadEvent;

  documentId(envelope: LeadEnvelope): string {
    return envelope.leadId;
  }

  partitionOf(doc: LeadWarningsView): string {
    return doc.dealerId;
  }

  evolve(current: LeadWarningsView | undefined, { event, occurredAt }: LeadEnvelope): LeadWarningsView | undefined {
    if (event.type === 'LeadRegistered') {
      const { leadId, dealerId, contact } = event.data;
      return current ?? { leadId, dealerId, name: contact.name, consultantId: null, warnings: {} };
    }
    if (!current) return current;
    switch (event.type) {
      case 'ContactDetailsChanged':
        return event.data.name === undefined ? current : { ...current, name: event.data.name };
      case 'ConsultantAssigned':
        return { ...current, consultantId: event.data.consultantId };
      case 'LeadReturnedToNurturing':
        return { ...current, consultantId: null };
      case 'EarlyWarningRaised': {
        const { warningId, kind, deadline, touchId, detail } = event.data;
        if (current.warnings[warningId]) return current;
        const warning = { warningId, kind, deadline, raisedAt: occurredAt, touchId: touchId ?? null, detail: detail ?? null };
        return { ...current, warnings: { ...current.warnings, [warningId]: warning } };
      }
      default:
        return current;
    }
  }
}
