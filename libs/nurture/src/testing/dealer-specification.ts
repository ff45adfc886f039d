import { Actor, ActorRole } from '@crm/kernel';
import { DealerCommand, DealerCommandType } from '../dealer/dealer-commands';
import { DealerEvent } from '../dealer/dealer-events';
import { decideDealer } from '../dealer/dealer.decider';
import { DealerError, DealerErrorCode } from '../dealer/dealer.errors';
import { DealerState, initialDealerState } from '../dealer/dealer-state';
import { evolveDealer } from '../dealer/dealer.evolve';

export const DEALER = 'dealer-sh-01';
export const DEALER_NOW = '2026-01-05T09:00:00.000Z';

export const dealerActor = (role: ActorRole = 'manager', id = `${role}-1`): Actor => ({ id, role, dealerId: DEALER });

export function dealerCommand<T extends DealerCommandType>(
  type: T, data: Extract<DealerCommand, { type: T }>['data'], role: ActorRole = 'manager',
): Extract<DealerCommand, { type: T }> {
  return { type, data, context: { actor: dealerActor(role), now: DEALER_NOW } } as Extract<DealerCommand, { type: T }>;
}

export const foldDealer = (events: readonly DealerEvent[]): DealerState => events.reduce(evolveDealer, initialDealerState);

export const joined = (consultantId: string, name = consultantId): DealerEvent => ({ type: 'ConsultantJoined', data: { consultantId, name } });
export const left = (consultantId: string): DealerEvent => ({ type: 'ConsultantLeft', data: { consultantId } });

/** given dealer events / when a command / then events or an error code. */
export function givenDealer(events: readonly DealerEvent[]) {
  const state = foldDealer(events);
  return {
    when(command: DealerCommand) {
      return {
        then(expected: DealerEvent[]): void {
          expect(decideDealer(command, state)).toEqual(expected);
        },
        thenThrows(code: DealerErrorCode, field?: string): void {
          let caught: unknown;
          try {
            caught = new Error(`Expected ${code}, got ${JSON.stringify(decideDealer(command, state))}`);
          } catch (error) {
            caught = error;
          }
          if (!(caught instanceof DealerError)) throw caught;
          expect(caught.code).toBe(code);
          if (field !== undefined) expect(caught.field).toBe(field);
        },
      };
    },
  };
}
