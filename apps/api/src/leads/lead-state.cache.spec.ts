import { initialLeadState } from '@crm/lead';
import { LeadStateCache } from './lead-state.cache';

const lead = (revision: number) => ({ state: initialLeadState, revision, position: revision + 1 });

describe('LeadStateCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new LeadStateCache(2);
    cache.set('a', lead(0));
    cache.set('b', lead(0));
    cache.get('a');
    cache.set('c', lead(0));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('replaces an entry with a newer fold', () => {
    const cache = new LeadStateCache();
    cache.set('a', lead(0));
    cache.set('a', lead(3));
    expect(cache.get('a')?.revision).toBe(3);
  });
});
