// normalizeHandle: the one spelling every list, key and comparison of handles uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHandle } from '../../../src/core/handle';

describe('normalizeHandle', () => {
  it('strips surrounding whitespace and one leading @, and lower-cases', () => {
    expect(normalizeHandle('@Acme')).toBe('acme');
    expect(normalizeHandle('  @ACME_Corp \n')).toBe('acme_corp');
    expect(normalizeHandle('acme')).toBe('acme');
    expect(normalizeHandle('\tAcme')).toBe('acme');
  });

  it('strips only one @, and only a leading one', () => {
    expect(normalizeHandle('@@acme')).toBe('@acme');
    expect(normalizeHandle('ac@me')).toBe('ac@me');
    expect(normalizeHandle('acme@')).toBe('acme@');
  });

  it('leaves whitespace after the @ and inside the handle alone', () => {
    expect(normalizeHandle('@ acme')).toBe(' acme');
    expect(normalizeHandle('a b')).toBe('a b');
  });

  it('maps empty input and a lone @ to the empty string', () => {
    expect(normalizeHandle('')).toBe('');
    expect(normalizeHandle('   ')).toBe('');
    expect(normalizeHandle(' @ ')).toBe('');
  });

  it('keeps an already normal handle and finds it in any spelling a user or a page gives', () => {
    const handle = fc.stringMatching(/^[a-z0-9_]{1,15}$/);
    const space = fc.constantFrom('', ' ', '  ', '\t', '\n');
    fc.assert(fc.property(handle, fc.boolean(), fc.boolean(), space, space, (h, at, upper, before, after) => {
      expect(normalizeHandle(h)).toBe(h);
      const spelled = `${before}${at ? '@' : ''}${upper ? h.toUpperCase() : h}${after}`;
      expect(normalizeHandle(spelled)).toBe(h);
    }));
  });
});

describe('normalizeHandle on lookalikes', () => {
  it('never lower-cases a non-ASCII lookalike into an ASCII handle (the Kelvin sign is the one that would)', () => {
    expect('\u212A'.toLowerCase()).toBe('k'); // why the special case exists
    expect(normalizeHandle('\u212Aelvin')).toBe('\u212Aelvin');
    expect(normalizeHandle('@\u212AELVIN')).toBe('\u212Aelvin');
    expect(normalizeHandle('\u0430cme')).toBe('\u0430cme');
    // No other character outside ASCII (whitespace aside, which is trimmed) becomes ASCII either.
    const intoAscii: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const out = normalizeHandle(`${String.fromCharCode(c)}x`);
      if (out !== 'x' && /^[\x00-\x7f]+$/.test(out)) intoAscii.push(c.toString(16));
    }
    expect(intoAscii).toEqual([]);
  });
});
