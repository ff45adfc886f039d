import { compareOccurrence, LeadEvent, LeadEventType } from '@crm/lead';
import { LeadEnvelope } from '../projection';

/** A fact a read model keeps to re-derive its row: the event, when it happened, and its revision for ties. */
export interface HistoryEntry {
  occurredAt: string;
  revision: number;
  event: LeadEvent;
}

/** A per-lead document that keeps its order-dependent facts, the registration first. */
export interface WithHistory {
  history: HistoryEntry[];
}

export const entryOf = ({ event, occurredAt, revision }: LeadEnvelope): HistoryEntry => ({ occurredAt, revision, event });

/**
 * How a projection folds one lead in the order its facts happened (occurredAt, ties by revision: the order of
 * libs/lead's `compareOccurrence`, which the decider and `state?at` use too).
 */
export interface OccurrenceFold<Doc extends WithHistory> {
  /** Facts whose effect depends on their order: kept in the history and folded by `step`. */
  readonly ordered: ReadonlySet<LeadEventType>;
  /** The row right after the registration, with `history: [registration]`. */
  start(registration: HistoryEntry): Doc;
  /** Folds a fact that happened after every fact already folded into `row`; changes `row` in place. */
  step(row: Doc, entry: HistoryEntry): void;
  /** Effects that do not depend on order (first and last interaction): applied to every event, never replayed. */
  observe(row: Doc, envelope: LeadEnvelope): void;
  /** Copies the order-independent fields from the row before a replay into the replayed one. */
  carry(from: Doc, into: Doc): void;
}

/**
 * The next document of one lead: a fact that happened after everything folded so far is folded on (the common
 * case); a late (back-dated) one is inserted in its place and the row is folded again from the registration, so
 * the row is the same whatever order the facts were recorded in. A revision already held is not applied twice.
 */
export function evolveInOccurrenceOrder<Doc extends WithHistory>(
  fold: OccurrenceFold<Doc>, current: Doc | undefined, envelope: LeadEnvelope,
): Doc | undefined {
  if (envelope.event.type === 'LeadRegistered') return current ?? fold.start(entryOf(envelope));
  if (!current) return current;
  const next: Doc = { ...current };
  fold.observe(next, envelope);
  if (!fold.ordered.has(envelope.event.type)) return next;
  const entry = entryOf(envelope);
  const at = insertionIndex(current.history, entry);
  if (at === undefined) return current;
  next.history = [...current.history.slice(0, at), entry, ...current.history.slice(at)];
  if (at === current.history.length) {
    fold.step(next, entry);
    return next;
  }
  return replay(fold, next);
}

function replay<Doc extends WithHistory>(fold: OccurrenceFold<Doc>, doc: Doc): Doc {
  const [registration, ...facts] = doc.history;
  if (!registration) return doc;
  const row = fold.start(registration);
  // The whole history is there while stepping, as it is in the incremental case; steps look only before their entry.
  row.history = doc.history;
  for (const entry of facts) fold.step(row, entry);
  fold.carry(doc, row);
  return row;
}

/** The latest fact before `entry` (in occurrence order) that matches: what a step may look back at. */
export function findBefore<T extends HistoryEntry>(
  history: readonly HistoryEntry[], entry: HistoryEntry, matches: (held: HistoryEntry) => held is T,
): T | undefined {
  let found: T | undefined;
  for (const held of history) {
    if (compareOccurrence(held, entry) >= 0) break;
    if (matches(held)) found = held;
  }
  return found;
}

/** Where the entry goes (never before the registration at index 0); undefined when its revision is already held. */
function insertionIndex(history: readonly HistoryEntry[], entry: HistoryEntry): number | undefined {
  if (history.some((held) => held.revision === entry.revision)) return undefined;
  let index = history.length;
  while (index > 1 && compareOccurrence(entry, history[index - 1] as HistoryEntry) < 0) index -= 1;
  return index;
}
