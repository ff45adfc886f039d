import { derivedId } from './derived-id';

describe('derivedId', () => {
  it('gives the same UUID-shaped id for the same parts, every time', () => {
    const id = derivedId('event-1', 'touch', 'cadence.T2');
    expect(id).toBe(derivedId('event-1', 'touch', 'cadence.T2'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('tells apart parts that only differ in where they are split', () => {
    expect(derivedId('ab', 'c')).not.toBe(derivedId('a', 'bc'));
    expect(derivedId('lead-1', 'warning', 'going_cold')).not.toBe(derivedId('lead-1', 'warning', 'churn_risk'));
  });

  it('refuses to derive from nothing', () => {
    expect(() => derivedId()).toThrow(/at least one part/);
  });
});
