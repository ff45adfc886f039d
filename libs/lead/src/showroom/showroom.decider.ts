import { assertNever } from '@crm/kernel';
import { assertTimely } from '../decider/rules/guards';
import { compact } from '../decider/rules/values';
import { ShowroomCommand } from './showroom-commands';
import { ShowroomEvent } from './showroom-events';
import { ShowroomError, ShowroomErrorCode } from './showroom.errors';

export const MAX_VISITORS_PER_COUNT = 50;

/**
 * The showroom's door count. It takes no state: counts commute, so no earlier event can change the answer,
 * and the stream is appended without a revision check.
 */
export function decideShowroom(command: ShowroomCommand): ShowroomEvent[] {
  switch (command.type) {
    case 'CountUnrecordedWalkIn': {
      const { data, context } = command;
      assertTimely(context);
      if (!Number.isInteger(data.visitors) || data.visitors < 1 || data.visitors > MAX_VISITORS_PER_COUNT) {
        throw new ShowroomError(ShowroomErrorCode.InvalidVisitorCount, `visitors must be a whole number from 1 to ${MAX_VISITORS_PER_COUNT}`, 'visitors');
      }
      return [{ type: 'UnrecordedWalkInCounted', data: compact({ dealerId: context.actor.dealerId, ...data }) }];
    }
    default:
      return assertNever(command.type);
  }
}
