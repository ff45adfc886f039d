import { TouchStatus } from '@crm/lead';
import { LeadTouchesView, TouchItemView } from '../touches/lead-touches.view';

export type TouchStatusFilter = TouchStatus | 'open' | 'all';

export interface TouchListQuery {
  /** Touches due before this instant (exclusive), ISO-8601 UTC: the end of "today" for the caller. */
  dueBefore?: string;
  /** The touch's assignee, or, for a touch that names none, the consultant who holds the lead. */
  assignee?: string;
  /** 'open' (default): scheduled or sent and not yet done. */
  status: TouchStatusFilter;
  page: number;
  pageSize: number;
}

export interface TouchRow extends TouchItemView {
  leadId: string;
  leadName: string;
  phone: string;
  /** Who should act: the touch's assignee, else the lead's consultant, else null (the CRM team). */
  owner: string | null;
}

export interface TouchPage {
  items: TouchRow[];
  total: number;
  page: number;
  pageSize: number;
}

const OPEN: ReadonlySet<TouchStatus> = new Set<TouchStatus>(['scheduled', 'sent']);

/** The to-do list: every matching touch of the dealer's leads, earliest due first. */
export function touchPage(leads: readonly LeadTouchesView[], query: TouchListQuery): TouchPage {
  const rows: TouchRow[] = [];
  for (const lead of leads) {
    for (const touch of Object.values(lead.touches)) {
      const row = { ...touch, leadId: lead.leadId, leadName: lead.name, phone: lead.phone, owner: touch.assigneeId ?? lead.consultantId };
      if (matches(row, query)) rows.push(row);
    }
  }
  rows.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.touchId < b.touchId ? -1 : 1));
  const start = (query.page - 1) * query.pageSize;
  return { items: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize };
}

const matches = (row: TouchRow, q: TouchListQuery): boolean =>
  (q.status === 'all' || (q.status === 'open' ? OPEN.has(row.status) : row.status === q.status))
  && (q.dueBefore === undefined || row.dueAt < q.dueBefore)
  && (q.assignee === undefined || row.owner === q.assignee);
