import { EventStoreUrlError, parseEventStoreUrl } from './event-store-url';

describe('parseEventStoreUrl', () => {
  it('reads SQLite files by absolute or relative path', () => {
    expect(parseEventStoreUrl('sqlite:///var/lib/crm/events.sqlite')).toEqual({ kind: 'sqlite', path: '/var/lib/crm/events.sqlite' });
    expect(parseEventStoreUrl('sqlite:./data/events.sqlite', '/srv/crm')).toEqual({ kind: 'sqlite', path: '/srv/crm/data/events.sqlite' });
    expect(parseEventStoreUrl('sqlite:/tmp/x.sqlite')).toEqual({ kind: 'sqlite', path: '/tmp/x.sqlite' });
  });

  it('passes server URLs through', () => {
    expect(parseEventStoreUrl('postgres://postgres@127.0.0.1:5432/crm?schema=es')).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/crm?schema=es',
    });
    expect(parseEventStoreUrl('postgresql://db/crm').kind).toBe('postgres');
    expect(parseEventStoreUrl('esdb://node1:2113?tls=false')).toEqual({ kind: 'eventstoredb', url: 'esdb://node1:2113?tls=false' });
    expect(parseEventStoreUrl('esdb+discover://cluster:2113').kind).toBe('eventstoredb');
  });

  it('refuses what names no store, saying which forms it takes', () => {
    for (const url of ['mysql://db/crm', 'sqlite:', 'sqlite::memory:', 'sqlite://host/events.sqlite', './events.sqlite']) {
      expect(() => parseEventStoreUrl(url)).toThrow(EventStoreUrlError);
    }
    expect(() => parseEventStoreUrl('redis://x')).toThrow(/sqlite:\/\/\/abs\/path\/events\.sqlite/);
  });
});
