import { derivedId } from '@crm/kernel';
import { WarningKind } from '@crm/lead';

/**
 * A warning's id: from the lead, the kind and what the rule's clock started from (the interaction or
 * registration it counts from, or the touch). Not from the deadline itself: a dealer changing its warning days
 * moves the deadline, and the lead must not be warned twice about the same silence.
 */
export const warningIdOf = (leadId: string, kind: WarningKind, basis: string): string => derivedId(leadId, 'warning', kind, basis);
