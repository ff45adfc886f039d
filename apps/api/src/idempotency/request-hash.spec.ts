import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('ignores key order at every depth', () => {
    expect(requestHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(requestHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });

  it('tells different bodies apart', () => {
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: 'x', a: null, c: undefined })).toBe('{"a":null,"b":"x"}');
  });
});
