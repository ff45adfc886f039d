import { FactOrder } from '@crm/kernel';
import { LeadEvent } from '../events/lead-events';
import { evolve } from '../decider/lead.evolve';
import { initialLeadState, LeadState } from '../decider/lead-state';
import { compareInstants } from './instants';

/** Where a fact stands among the lead's others: when it happened, and its place in the stream to break ties. */
export interface Occurrence {
  occurredAt: string;
  revision: number;
}

export interface LeadFact extends Occurrence {
  event: LeadEvent;
}

/**
 * The one order of a lead's facts, everywhere (current state, commands, `state?at`, read models): by when they
 * happened, ties by revision. A back-dated entry is recorded after facts that happened after it; folding in
 * recorded order would let it overwrite them.
 */
export function compareOccurrence(a: Occurrence, b: Occurrence): number {
  return compareInstants(a.occurredAt, b.occurredAt) || a.revision - b.revision;
}

/** The fold order of a lead's stored facts: the registration opens the lead, whatever its time says; then occurrence. */
export const compareLeadFacts: FactOrder = (a, b) =>
  Number(b.type === 'LeadRegistered') - Number(a.type === 'LeadRegistered') || compareOccurrence(a, b);

const registrationFirst = (a: LeadFact, b: LeadFact): number =>
  compareLeadFacts({ ...a, type: a.event.type }, { ...b, type: b.event.type });

export function orderByOccurrence<T extends Occurrence>(facts: readonly T[]): T[] {
  return [...facts].sort(compareOccurrence);
}

/** A folded history and the latest fact in it, so that later facts can be folded on without starting over. */
export interface FoldedLeadHistory {
  state: LeadState;
  last?: Occurrence;
}

export const EMPTY_LEAD_HISTORY: FoldedLeadHistory = { state: initialLeadState };

/** The lead's state: its facts folded through `evolve` in the order they happened. */
export function foldLeadHistory(facts: readonly LeadFact[]): FoldedLeadHistory {
  return foldOnto(EMPTY_LEAD_HISTORY, [...facts].sort(registrationFirst));
}

/**
 * Folds newly read facts onto an earlier fold, or answers undefined when one of them happened before the
 * latest fact already folded (a late entry): the caller must then fold the whole history again.
 */
export function extendLeadHistory(base: FoldedLeadHistory, facts: readonly LeadFact[]): FoldedLeadHistory | undefined {
  const ordered = [...facts].sort(registrationFirst);
  const first = ordered[0];
  if (first && base.last && compareOccurrence(first, base.last) < 0) return undefined;
  return foldOnto(base, ordered);
}

function foldOnto(base: FoldedLeadHistory, ordered: readonly LeadFact[]): FoldedLeadHistory {
  let { state, last } = base;
  for (const fact of ordered) {
    state = evolve(state, fact.event, { occurredAt: fact.occurredAt });
    if (!last || compareOccurrence(fact, last) > 0) last = { occurredAt: fact.occurredAt, revision: fact.revision };
  }
  return { state, last };
}
