// A one-pass sketch of an item's text: which pairs of adjacent characters occur in its lower-cased
// form, as bits in a small table. A needle can be in the text only if every pair of the needle is, so
// one walk over the text lets most text tests say "no" after a few bit reads, without searching.
// (Most rules look for words an item does not contain; RE2 in particular costs microseconds a test.)
//
// Only ASCII needles are probed, and the probe folds case itself instead of lower-casing the text, so
// most items are never lower-cased at all. The fold (`c | 32`, then the low 6 bits) merges some
// characters, which only lets a few more texts through, and it is the same for a character and its
// lower case. toLowerCase turns just two non-ASCII characters into ASCII, U+212A KELVIN SIGN into
// "k" and U+0130 "İ" into "i" + U+0307; the fold treats them as "k" and "i".

const K = 107;
const I = 105;

const foldWide = (c: number): number => (c === 0x212a ? K : c === 0x130 ? I : c) & 63;
const fold = (c: number): number => (c < 128 ? (c | 32) & 63 : foldWide(c));

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The bits (0…4095) a lower-case needle needs, or null when the needle is not ASCII (the probe cannot
 * rule it out). A needle shorter than two characters needs none.
 */
export function pairsOf(lowerNeedle: string): Uint16Array | null {
  if (!ASCII.test(lowerNeedle)) return null;
  const bits = new Set<number>();
  for (let i = 1; i < lowerNeedle.length; i++) bits.add((fold(lowerNeedle.charCodeAt(i - 1)) << 6) | fold(lowerNeedle.charCodeAt(i)));
  return Uint16Array.from(bits);
}

// One table serves every probe: a pair's cell holds the stamp of the latest probe that saw it, so a new
// probe needs no clearing and no allocation (per item, both cost more than the walk itself). A probe
// whose table a newer probe has taken over rebuilds itself when next asked, so answers never go stale.
const table = new Int32Array(4096);
let latest = 0;

export class TextProbe {
  private stamp = 0;

  /** `text` as the item has it; the probe answers for `text.toLowerCase()`. */
  constructor(private readonly text: string) {
    this.build();
  }

  private build(): void {
    if (++latest > 0x3fffffff) {
      table.fill(0);
      latest = 1;
    }
    const stamp = (this.stamp = latest);
    const text = this.text;
    let prev = fold(text.charCodeAt(0));
    for (let i = 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < 128 ? (code | 32) & 63 : foldWide(code);
      table[(prev << 6) | c] = stamp;
      prev = c;
    }
  }

  /** False only when the lower-cased text cannot contain the needle whose pairs these are. */
  mayContain(pairs: Uint16Array): boolean {
    if (this.stamp !== latest) this.build();
    const stamp = this.stamp;
    for (let i = 0; i < pairs.length; i++) if (table[pairs[i]!] !== stamp) return false;
    return true;
  }
}
