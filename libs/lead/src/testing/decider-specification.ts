import { LeadCommand } from '../commands/lead-commands';
import { LeadEvent } from '../events/lead-events';
import { decide } from '../decider/lead.decider';
import { evolve } from '../decider/lead.evolve';
import { LeadState, initialLeadState } from '../decider/lead-state';
import { foldLeadHistory } from '../history/lead-history';
import { LeadError, LeadErrorCode } from '../lead.errors';

/** A past event, optionally with the time it occurred (evolve takes registeredAt and lastInteractionAt from it). */
export type GivenEvent = LeadEvent | { event: LeadEvent; occurredAt: string };

export const at = (occurredAt: string, event: LeadEvent): GivenEvent => ({ event, occurredAt });

export function fold(events: readonly GivenEvent[]): LeadState {
  return events.reduce<LeadState>(
    (state, given) =>
      'event' in given ? evolve(state, given.event, { occurredAt: given.occurredAt }) : evolve(state, given),
    initialLeadState,
  );
}

export interface Outcome {
  then(expected: LeadEvent[]): void;
  thenThrows(code: LeadErrorCode, field?: string): void;
}

/** given events / when command / then events or an error code: the decider's specifications read this way. */
export function given(events: readonly GivenEvent[]): { when(command: LeadCommand): Outcome } {
  return givenState(fold(events));
}

/**
 * Given facts in the order they were recorded (revision = position in the list), each with the time it happened:
 * the decider sees them as the loader folds them, in the order they happened.
 */
export function givenRecorded(facts: ReadonlyArray<{ event: LeadEvent; occurredAt: string }>): { when(command: LeadCommand): Outcome } {
  return givenState(foldLeadHistory(facts.map((fact, revision) => ({ ...fact, revision }))).state);
}

function givenState(state: LeadState): { when(command: LeadCommand): Outcome } {
  return {
    when(command) {
      return {
        then(expected) {
          expect(decide(command, state)).toEqual(expected);
        },
        thenThrows(code, field) {
          let caught: unknown;
          try {
            const decided = decide(command, state);
            caught = new Error(`Expected ${code}, but the decider returned ${JSON.stringify(decided)}`);
          } catch (error) {
            caught = error;
          }
          if (!(caught instanceof LeadError)) throw caught;
          expect(caught).toBeInstanceOf(LeadError);
          expect((caught as LeadError).code).toBe(code);
          if (field !== undefined) expect((caught as LeadError).field).toBe(field);
        },
      };
    },
  };
}
