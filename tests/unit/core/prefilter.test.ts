// The machinery behind the fast path: regex literal extraction and the one-pass needle scanner.
// Both may only ever say "cannot match" when that is true; the property tests check exactly that.
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { TEXT_SIGNALS } from '../../../src/core/brand';
import { MAX_SCAN_STATES, NeedleScanner } from '../../../src/core/needle-scan';
import { requiredLiterals } from '../../../src/core/regex-literals';

describe('requiredLiterals', () => {
  it.each([
    ['airdrop', true, ['airdrop']],
    ['\\b(?:airdrop|whitelist)\\b', false, ['airdrop', 'whiteli']], // cut at "s": RE2 folds ſ into s
    ['https?://t\\.me/\\w+', false, ['://t.me/']],
    ['\\d{3,}x gains', false, ['x gain']],
    ['(?:use|with) code', true, ['use code', 'with code']],
    ['colou?r', true, ['colo']],
    ['Foo(Bar)+', true, ['foo']],
    ['(?P<n>abc)|xyz', true, ['abc', 'xyz']],
    ['[ab]cd', true, ['cd']],
  ] as [string, boolean, string[]][])('%s (case-sensitive: %s)', (pattern, cs, expected) => {
    expect(requiredLiterals(pattern, cs)?.sort()).toEqual(expected.sort());
  });

  it.each(['.*', 'a*', 'a|', '^$', '[a-z]+', '(?i)abc', '\\Qabc\\E', 'a{2', '\\x41bc', '(?<=a)b', '\\pL+', 'é', 'a)', 's', 'ſ'])(
    'gives up on %s',
    (pattern) => {
      expect(requiredLiterals(pattern, false)).toBeNull();
    },
  );

  it("finds literals behind brand.ts's promotional regexes", () => {
    for (const t of TEXT_SIGNALS) expect(requiredLiterals(t.re.source, true), t.id).not.toBeNull();
  });

  it('case-insensitive RE2 folds only these non-ASCII characters into ASCII letters, and toLowerCase agrees but for ſ', () => {
    const re = RE2JS.compile('[a-z]', RE2JS.CASE_INSENSITIVE);
    const folded: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (re.test(ch)) folded.push(`${cp.toString(16)}→${ch.toLowerCase()}`);
    }
    expect(folded).toEqual(['17f→ſ', '212a→k']);
  });

  // Regex-ish patterns from a small alphabet, texts built from the same pieces so that matches happen.
  const piece = fc.constantFrom('a', 'b', 's', 'S', 'k', 'K', 'x', ' ', '.', '-', '%', 'é');
  const meta = fc.constantFrom('(', ')', '(?:', '|', '*', '+', '?', '{2}', '{1,3}', '[ab]', '\\b', '\\w', '\\d', '.', '^', '$', '\\.');
  const pattern = fc.array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: meta }), { minLength: 1, maxLength: 12 }).map((xs) => xs.join(''));
  const text = fc.array(fc.oneof(piece, fc.constantFrom('ſ', '\u212a', 'İ', 'AB', 'ab', '1', '22')), { maxLength: 20 }).map((xs) => xs.join(''));

  it('(property) whenever RE2 matches, one of the literals occurs in the lower-cased text', () => {
    fc.assert(
      fc.property(pattern, fc.boolean(), fc.array(text, { minLength: 1, maxLength: 20 }), (p, cs, texts) => {
        let re: RE2JS;
        try {
          re = RE2JS.compile(p, cs ? 0 : RE2JS.CASE_INSENSITIVE);
        } catch {
          return; // not a pattern the schema would accept
        }
        const lits = requiredLiterals(p, cs);
        if (lits === null) return;
        expect(lits.length).toBeGreaterThan(0);
        for (const l of lits) expect(l).toBe(l.toLowerCase());
        for (const t of texts) {
          if (re.test(t)) expect(lits.some((l) => t.toLowerCase().includes(l)), `${p} on ${JSON.stringify(t)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

function scanAll(needles: string[], text: string): string[] {
  const sc = NeedleScanner.build(needles)!;
  const marks = new Int32Array(sc.size);
  const hits = new Int32Array(sc.size);
  const n = sc.scan(sc.needsLowerCase ? text.toLowerCase() : text, marks, 7, hits);
  const found = [...hits.subarray(0, n)].map((i) => needles[i]!);
  // marks and the hit list agree
  expect(needles.filter((_, i) => marks[i] === 7).sort()).toEqual([...found].sort());
  return found.sort();
}

describe('NeedleScanner', () => {
  it('finds every needle, overlapping and nested ones included, each once', () => {
    expect(scanAll(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'hers', 'she']);
    expect(scanAll(['sale', 'sales', 'ale'], 'sales sales')).toEqual(['ale', 'sale', 'sales']);
    expect(scanAll(['abc'], 'ababcab')).toEqual(['abc']);
    expect(scanAll(['x'], '')).toEqual([]);
  });

  it('folds ASCII case itself, and reads K (Kelvin) and İ as toLowerCase does', () => {
    expect(scanAll(['dm us', 'code'], 'Please DM US, CoDe inside')).toEqual(['code', 'dm us']);
    expect(scanAll(['kelvin'], '\u212Aelvin')).toEqual(['kelvin']);
    expect(scanAll(['izmir'], 'İzmir')).toEqual([]); // "i̇zmir": the dot breaks it, as in toLowerCase
    expect(scanAll(['i'], 'İ')).toEqual(['i']);
    expect(scanAll(['sale'], 'ſale')).toEqual([]);
    expect(scanAll(['ab'], 'a\u00e9b')).toEqual([]);
  });

  it('handles non-ASCII needles on lower-cased text', () => {
    expect(scanAll(['grün', 'über'], 'GRÜN und ÜBER')).toEqual(['grün', 'über']);
    expect(scanAll(['🔥', 'x'], 'a🔥b')).toEqual(['🔥']);
  });

  it('refuses needle sets that are too big, empty or not lower-case', () => {
    const many = Array.from({ length: MAX_SCAN_STATES }, (_, i) => `needle${i}`);
    expect(NeedleScanner.build(many)).toBeNull();
    expect(NeedleScanner.build([''])).toBeNull();
    expect(NeedleScanner.build(['Abc'])).toBeNull();
    expect(NeedleScanner.build([])).not.toBeNull();
  });

  it('(property) finds exactly the needles that text.toLowerCase() contains', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', 'é', 'É', 'ſ', 'K', 'İ', '🔥', 'σ', 'Σ', '\uD83D');
    const str = (max: number) => fc.array(unit, { minLength: 1, maxLength: max }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(str(4).map((s) => s.toLowerCase()), { minLength: 1, maxLength: 12 }), fc.array(str(30), { maxLength: 5 }), (needles, texts) => {
        for (const t of texts) {
          const lower = t.toLowerCase();
          expect(scanAll(needles, t)).toEqual(needles.filter((n) => lower.includes(n)).sort());
        }
      }),
      { numRuns: 1500 },
    );
  });
});
