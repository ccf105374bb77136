import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvalidText } from './invalid-text.js';

describe('findInvalidText', () => {
  it('names every string holding a NUL or a lone surrogate by its path, keys included', () => {
    const found = findInvalidText({ name: 'a\u0000b', roles: [{ role: 'ok' }, { role: '\ud800' }], nested: { 'k\u0000': 'fine' } });
    expect(found.map((f) => f.field)).toEqual(['name', 'roles.1.role', 'nested.k\\0']);
  });

  it('accepts any well-formed text without NUL: Swedish letters, emoji, other scripts', () => {
    expect(findInvalidText({ a: 'Enskede-Årsta-Vantör', b: 'Tack 👍', c: 'مرحبا', d: ['x', 1, true, null] })).toEqual([]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!s.includes('\u0000'));
        expect(findInvalidText({ s })).toEqual([]);
      }),
    );
  });

  it('skips bytes and streams (uploaded files are not text)', () => {
    expect(findInvalidText({ file: Buffer.from([0, 0xd8, 0]) })).toEqual([]);
  });
});
