import { parseIfMatch, revisionETag } from './if-match';

describe('If-Match', () => {
  it.each([['"3"', 3], ['3', 3], ['W/"12"', 12], [' "0" ', 0]])('reads %s as revision %i', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it('is absent when the header is', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['*', 'abc', '"-1"', '"1", "2"', ''])('rejects %p with INVALID_IF_MATCH', (header) => {
    expect(() => parseIfMatch(header)).toThrow(expect.objectContaining({ code: 'INVALID_IF_MATCH', kind: 'invalid' }));
  });

  it('quotes the revision as the ETag', () => {
    expect(revisionETag(7)).toBe('"7"');
  });
});
