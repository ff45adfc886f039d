import { StateCache } from './state-cache';

describe('StateCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new StateCache<number>(2);
    cache.set('a', 0);
    cache.set('b', 0);
    cache.get('a');
    cache.set('c', 0);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('replaces an entry with a newer fold', () => {
    const cache = new StateCache<number>();
    cache.set('a', 0);
    cache.set('a', 3);
    expect(cache.get('a')).toBe(3);
  });
});
