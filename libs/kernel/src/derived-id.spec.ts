import { derivedId } from './derived-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('derivedId', () => {
  it('is a version-5-shaped UUID, the same for the same parts', () => {
    const id = derivedId('event-1', 'touch', 'cadence.T2.call_month_1');
    expect(id).toMatch(UUID);
    expect(derivedId('event-1', 'touch', 'cadence.T2.call_month_1')).toBe(id);
  });

  it('differs when any part differs, including where the parts are split', () => {
    const ids = new Set([
      derivedId('event-1', 'touch', 'a'), derivedId('event-2', 'touch', 'a'), derivedId('event-1', 'touch', 'b'),
      derivedId('ab', 'c'), derivedId('a', 'bc'), derivedId('abc'),
    ]);
    expect(ids.size).toBe(6);
  });

  it('refuses to derive from nothing', () => {
    expect(() => derivedId()).toThrow();
  });
});
