import { DomainError } from '@crm/kernel';
import { LeadErrorCode } from '../lead.errors';
import { contextWith, DEALER_ID, NOW } from '../testing/lead-fixtures';
import { CountUnrecordedWalkIn } from './showroom-commands';
import { ShowroomEvent, showroomStreamId } from './showroom-events';
import { decideShowroom } from './showroom.decider';
import { ShowroomErrorCode } from './showroom.errors';

const count = (data: CountUnrecordedWalkIn['data'], occurredAt = NOW): CountUnrecordedWalkIn =>
  ({ type: 'CountUnrecordedWalkIn', data, context: contextWith({ occurredAt }) });

/** No given events: the door count depends on none. When a command, then events or an error code. */
const when = (command: CountUnrecordedWalkIn) => ({
  then: (expected: ShowroomEvent[]) => expect(decideShowroom(command)).toEqual(expected),
  thenThrows: (code: string, field: string) => {
    let caught: unknown;
    try {
      decideShowroom(command);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code, field });
  },
});

describe('Showroom decider: walk-ins that left no record', () => {
  it("counts the visitors for the actor's dealer", () => {
    when(count({ visitors: 3, consultantId: 'consultant-7', intendedModel: 'Model S', note: 'looked at colours' }))
      .then([{ type: 'UnrecordedWalkInCounted', data: { dealerId: DEALER_ID, visitors: 3, consultantId: 'consultant-7', intendedModel: 'Model S', note: 'looked at colours' } }]);
  });

  it('leaves out what was not said', () => {
    when(count({ visitors: 1 })).then([{ type: 'UnrecordedWalkInCounted', data: { dealerId: DEALER_ID, visitors: 1 } }]);
  });

  it('accepts a count back-dated within the policy window', () => {
    when(count({ visitors: 50 }, '2026-01-02T09:00:00.000Z'))
      .then([{ type: 'UnrecordedWalkInCounted', data: { dealerId: DEALER_ID, visitors: 50 } }]);
  });

  it.each([0, 51, 2.5, -1])('rejects %p visitors', (visitors) => {
    when(count({ visitors })).thenThrows(ShowroomErrorCode.InvalidVisitorCount, 'visitors');
  });

  it('rejects a count in the future', () => {
    when(count({ visitors: 2 }, '2026-01-05T09:00:01.000Z')).thenThrows(LeadErrorCode.OccurredInFuture, 'occurredAt');
  });

  it('rejects a count older than the back-dating window', () => {
    when(count({ visitors: 2 }, '2026-01-02T08:59:59.000Z')).thenThrows(LeadErrorCode.BackdatedTooFar, 'occurredAt');
  });
});

describe('showroom streams', () => {
  it('are per dealer and UTC day of occurrence', () => {
    expect(showroomStreamId('d1', '2026-01-05T23:30:00.000Z')).toBe('showroom-d1-2026-01-05');
    expect(showroomStreamId('d1', '2026-01-06T01:30:00+08:00')).toBe('showroom-d1-2026-01-05');
  });
});
