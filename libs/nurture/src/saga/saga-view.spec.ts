import { CausedEvent, sagaViewAt } from './saga-view';

const event = (revision: number, eventId: string, source: CausedEvent['metadata']['source'] = 'api', causationId = `req-${revision}`): CausedEvent =>
  ({ revision, metadata: { eventId, causationId, source } });

describe('sagaViewAt: the lead as a saga that kept up would have seen it', () => {
  const stream = [
    event(0, 'registered'),
    event(1, 'assessed-T2'),
    event(2, 'assessed-T1'),
    event(3, 'lost'),
    event(4, 'call-scheduled', 'saga', 'assessed-T2'),
    event(5, 'call-cancelled', 'saga', 'assessed-T1'),
    event(6, 'invitation-scheduled', 'saga', 'assessed-T1'),
    event(7, 'win-back-scheduled', 'saga', 'lost'),
    event(8, 'call-logged', 'api', 'lost'),
  ];
  const ids = (revision: number): string[] => sagaViewAt(stream, revision).map((e) => e.metadata.eventId);

  it('adds the reactions to earlier events that were appended after the event', () => {
    expect(ids(3)).toEqual(['registered', 'assessed-T2', 'assessed-T1', 'lost', 'call-scheduled', 'call-cancelled', 'invitation-scheduled']);
  });

  it("leaves out reactions to the event itself and to later ones, and other people's events", () => {
    expect(ids(1)).toEqual(['registered', 'assessed-T2']);
    expect(ids(2)).toEqual(['registered', 'assessed-T2', 'assessed-T1', 'call-scheduled']);
  });

  it('is the plain prefix when the saga kept up (its reactions come right after their causes)', () => {
    const kept = [event(0, 'a'), event(1, 'b'), event(2, 'c', 'saga', 'b'), event(3, 'd')];
    expect(sagaViewAt(kept, 3)).toEqual(kept);
  });
});
