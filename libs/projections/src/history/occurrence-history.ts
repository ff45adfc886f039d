import { compareOccurrence, LeadRegistered } from '@crm/lead';
import { LeadEnvelope } from '../projection';

/**
 * A fact a read model keeps to re-derive its row: when it happened, its revision for ties, and only the part of
 * the event the projection reads (`Fact`: small, and free of contact details).
 */
export interface HistoryEntry<Fact> {
  occurredAt: string;
  revision: number;
  fact: Fact;
}

/** A per-lead document that keeps its order-dependent facts (the registration excepted), in occurrence order. */
export interface WithHistory<Fact> {
  history: Array<HistoryEntry<Fact>>;
}

/**
 * How a projection folds one lead in the order its facts happened (occurredAt, ties by revision: the order of
 * libs/lead's `compareOccurrence`, which the decider and `state?at` use too).
 */
export interface OccurrenceFold<Doc extends WithHistory<Fact>, Fact> {
  /** The part of an event whose effect depends on order; undefined for the events `observe` alone handles. */
  factOf(envelope: LeadEnvelope): Fact | undefined;
  /** The row right after the registration, with an empty history. */
  start(registration: LeadRegistered, envelope: LeadEnvelope): Doc;
  /** The same row again, from what the document keeps of its registration, to fold the history anew. */
  restart(doc: Doc): Doc;
  /** Folds a fact that happened after every fact already folded into `row`; changes `row` in place. */
  step(row: Doc, entry: HistoryEntry<Fact>): void;
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
export function evolveInOccurrenceOrder<Doc extends WithHistory<Fact>, Fact>(
  fold: OccurrenceFold<Doc, Fact>, current: Doc | undefined, envelope: LeadEnvelope,
): Doc | undefined {
  const { event } = envelope;
  if (event.type === 'LeadRegistered') return current ?? fold.start(event, envelope);
  if (!current) return current;
  const fact = fold.factOf(envelope);
  const entry = fact === undefined ? undefined : { occurredAt: envelope.occurredAt, revision: envelope.revision, fact };
  const at = entry && insertionIndex(current.history, entry);
  if (entry && at === undefined) return current;
  const next: Doc = { ...current };
  fold.observe(next, envelope);
  if (!entry || at === undefined) return next;
  if (at === current.history.length) {
    next.history = [...current.history, entry];
    fold.step(next, entry);
    return next;
  }
  next.history = [...current.history.slice(0, at), entry, ...current.history.slice(at)];
  return replay(fold, next);
}

function replay<Doc extends WithHistory<Fact>, Fact>(fold: OccurrenceFold<Doc, Fact>, doc: Doc): Doc {
  const row = fold.restart(doc);
  // The whole history is there while stepping, as it is in the incremental case; steps look only before their entry.
  row.history = doc.history;
  for (const entry of doc.history) fold.step(row, entry);
  fold.carry(doc, row);
  return row;
}

/** The latest fact before `entry` (in occurrence order) that matches: what a step may look back at. */
export function findBefore<Fact, Found extends Fact>(
  history: ReadonlyArray<HistoryEntry<Fact>>, entry: HistoryEntry<Fact>, matches: (fact: Fact) => fact is Found,
): Found | undefined {
  let found: Found | undefined;
  for (const held of history) {
    if (compareOccurrence(held, entry) >= 0) break;
    if (matches(held.fact)) found = held.fact;
  }
  return found;
}

/** Where the entry goes; undefined when its revision is already held (a redelivered event). */
function insertionIndex<Fact>(history: ReadonlyArray<HistoryEntry<Fact>>, entry: HistoryEntry<Fact>): number | undefined {
  let index = history.length;
  while (index > 0 && compareOccurrence(entry, history[index - 1] as HistoryEntry<Fact>) < 0) index -= 1;
  for (const held of history) if (held.revision === entry.revision) return undefined;
  return index;
}
