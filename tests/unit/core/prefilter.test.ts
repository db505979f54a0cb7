// The machinery behind the fast path: regex literal extraction and the one-pass text probe.
// Both may only ever say "cannot match" when that is true; the property tests check exactly that.
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../../src/core/regex-literals';
import { TextProbe, pairsOf } from '../../../src/core/text-probe';

describe('requiredLiterals', () => {
  it.each([
    ['airdrop', true, ['airdrop']],
    ['\\b(?:airdrop|whitelist)\\b', false, ['airdrop', 'whiteli']], // cut at "s": RE2 folds ſ into s
    ['https?://t\\.me/\\w+', false, ['://t.me/']],
    ['\\d{3,}x gains', false, ['x gain']],
    ['(?:use|with) code', true, [' code']], // the longer of [use, with] and [" code"]
    ['colou?r', true, ['colo']],
    ['Foo(Bar)+', true, ['foobar']], // at least one Bar follows Foo
    ['ab+c', true, ['ab']],
    ['a{0}bc', true, ['bc']],
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

describe('TextProbe', () => {
  it('says "may contain" for every needle the text holds, and rules out most it does not', () => {
    const probe = new TextProbe('Coffee this morning, then a long Bike Ride along the river.');
    for (const n of ['coffee', 'bike ride', 'river.', 'e', 'ng, th']) expect(probe.mayContain(pairsOf(n)!), n).toBe(true);
    const absent = ['airdrop', 'crypto', 'passive income', 'telegram', 'nft drop', 'forex', 'web3', 'onlyfans'];
    expect(absent.filter((n) => probe.mayContain(pairsOf(n)!))).toEqual([]);
  });

  it('a needle shorter than two characters is never ruled out', () => {
    expect(new TextProbe('').mayContain(pairsOf('x')!)).toBe(true);
    expect(new TextProbe('').mayContain(pairsOf('xy')!)).toBe(false);
  });

  it('(property) never rules out a needle that text.toLowerCase() contains', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'k', 'K', 'i', 'I', ' ', 'é', 'É', 'ſ', '\u212A', 'İ', '\u0307', '🔥', 'σ', 'Σ', '\uD83D');
    const str = (max: number) => fc.array(unit, { minLength: 1, maxLength: max }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(str(4).map((s) => s.toLowerCase()), { minLength: 1, maxLength: 12 }), fc.array(str(30), { maxLength: 5 }), (needles, texts) => {
        for (const t of texts) {
          const lower = t.toLowerCase();
          const probe = new TextProbe(t);
          for (const n of needles) {
            const pairs = pairsOf(n);
            if (pairs !== null && lower.includes(n)) expect(probe.mayContain(pairs), `${n} in ${t}`).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
