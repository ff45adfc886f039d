import { WarningKind } from '@crm/lead';
import { LeadWarningsView, WarningItemView } from '../warnings/lead-warnings.view';
import { inPeriod, Period } from './period';

export interface WarningListQuery extends Period {
  kind?: WarningKind;
  page: number;
  pageSize: number;
}

export interface WarningRow extends WarningItemView {
  leadId: string;
  leadName: string;
  consultantId: string | null;
}

export interface WarningPage {
  items: WarningRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Warnings raised within [from, to) (by the time they were raised), newest first. */
export function warningPage(leads: readonly LeadWarningsView[], query: WarningListQuery): WarningPage {
  const rows: WarningRow[] = [];
  for (const lead of leads) {
    for (const warning of Object.values(lead.warnings)) {
      if (!inPeriod(warning.raisedAt, query) || (query.kind !== undefined && warning.kind !== query.kind)) continue;
      rows.push({ ...warning, leadId: lead.leadId, leadName: lead.name, consultantId: lead.consultantId });
    }
  }
  rows.sort((a, b) => (a.raisedAt > b.raisedAt ? -1 : a.raisedAt < b.raisedAt ? 1 : a.warningId < b.warningId ? -1 : 1));
  const start = (query.page - 1) * query.pageSize;
  return { items: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize };
}
