// One pass over an item's text finds every literal the ruleset cares about (Aho–Corasick over UTF-16
// code units), so 50 text rules cost one scan instead of 50 substring searches.
// ASCII transitions live in a dense table (the hot loop is two loads and a compare per character): its
// columns are the characters that occur in some needle — every other character leads back to the root —
// and its cells hold the next state already multiplied by the row width. Non-ASCII transitions fall
// back to the trie's maps and failure links.
//
// Needles are lower-case. When they are all ASCII, the scanner reads the item's text as it is and folds
// case itself, which is exactly what scanning text.toLowerCase() would find: toLowerCase turns only two
// non-ASCII characters into anything containing ASCII — U+212A KELVIN SIGN → "k" and U+0130 "İ" → "i" +
// U+0307 — so those two step as their ASCII letter and every other non-ASCII character resets the scan.
// With non-ASCII needles, callers must pass lower-cased text (see `needsLowerCase`).

/** Past this many automaton states the dense table costs too much memory; callers then skip the scan. */
export const MAX_SCAN_STATES = 8_192;

export class NeedleScanner {
  /** Number of distinct needles; `scan` marks ids 0…size-1. */
  readonly size: number;
  /** next[state × width + column[c]] = next state × width, for ASCII c. */
  private readonly next: Int32Array;
  private readonly column: Uint8Array;
  private readonly width: number;
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  /** States are numbered so that exactly those ≥ outFrom end some needle (compared premultiplied). */
  private readonly outFrom: number;
  /** Trie children and failure links, indexed by renumbered state. */
  private readonly childrenOf: Map<number, number>[];
  private readonly fail: Int32Array;
  private readonly wide: boolean;
  /** Some needle has a non-ASCII character: scan lower-cased text. */
  readonly needsLowerCase: boolean;

  /** Returns null when the needles need more than MAX_SCAN_STATES states, or one is empty. */
  static build(needles: readonly string[]): NeedleScanner | null {
    if (needles.some((n) => n === '' || n !== n.toLowerCase())) return null;
    let states = 1;
    for (const n of needles) states += n.length;
    if (states > MAX_SCAN_STATES) {
      // The trie shares prefixes, so count precisely before giving up.
      const trie = new Set<string>();
      for (const n of needles) for (let i = 1; i <= n.length; i++) trie.add(n.slice(0, i));
      if (trie.size + 1 > MAX_SCAN_STATES) return null;
    }
    return new NeedleScanner(needles);
  }

  private constructor(needles: readonly string[]) {
    this.size = needles.length;
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    let wide = false;
    needles.forEach((needle, id) => {
      let s = 0;
      for (let i = 0; i < needle.length; i++) {
        const c = needle.charCodeAt(i);
        if (c >= 128) wide = true;
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(c, next);
        }
        s = next;
      }
      own[s]!.push(id);
    });
    const n = children.length;
    const fail = new Int32Array(n);
    const out: number[][] = own.map((o) => [...o]);
    // Breadth-first: a state's failure link is the longest proper suffix that is also a trie state.
    const queue: number[] = [...children[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, t] of children[s]!) {
        queue.push(t);
        let f = fail[s]!;
        while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
        const g = children[f]!.get(c);
        fail[t] = g !== undefined && g !== t ? g : 0;
        out[t]!.push(...out[fail[t]!]!);
      }
    }
    // Renumber: states without output first, so the hot loop tests "has output" with one compare.
    const order = [0, ...queue];
    const plain = order.filter((x) => out[x]!.length === 0);
    const ending = order.filter((x) => out[x]!.length > 0);
    const renum = new Int32Array(n);
    [...plain, ...ending].forEach((old, i) => (renum[old] = i));
    const delta = new Uint16Array(n * 128);
    for (const s of order) {
      for (let c = 0; c < 128; c++) {
        const direct = children[s]!.get(c);
        // Resolved through failure links; fail[s] is shallower, so its row is already final.
        delta[renum[s]! * 128 + c] = direct !== undefined ? renum[direct]! : s === 0 ? 0 : delta[renum[fail[s]!]! * 128 + c]!;
      }
      // Needles are lower-case: an upper-case ASCII letter steps like its lower-case twin.
      for (let c = 65; c <= 90; c++) delta[renum[s]! * 128 + c] = delta[renum[s]! * 128 + c + 32]!;
    }
    const outStart = new Int32Array(n + 1);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      outStart[i] = ids.length;
      const old = i < plain.length ? plain[i]! : ending[i - plain.length]!;
      ids.push(...out[old]!);
    }
    outStart[n] = ids.length;
    // Columns: one per lower-case ASCII character in some needle (its upper-case twin shares it), and
    // column 0 for every other character, whose transitions all lead to the root.
    const column = new Uint8Array(128);
    const reps = [0];
    for (const needle of needles) {
      for (const ch of needle) {
        const c = ch.charCodeAt(0);
        if (c < 128 && column[c] === 0 && ch.length === 1) {
          column[c] = reps.length;
          reps.push(c);
        }
      }
    }
    for (let c = 65; c <= 90; c++) column[c] = column[c + 32]!;
    const width = reps.length;
    const next = new Int32Array(n * width);
    for (let st = 0; st < n; st++) {
      for (let k = 1; k < width; k++) next[st * width + k] = delta[st * 128 + reps[k]!]! * width;
    }
    this.next = next;
    this.column = column;
    this.width = width;
    this.outStart = outStart;
    this.outIds = Int32Array.from(ids);
    this.outFrom = plain.length * width;
    // The wide (non-ASCII) path walks the trie itself.
    const failRenum = new Int32Array(n);
    for (let x = 0; x < n; x++) failRenum[renum[x]!] = renum[fail[x]!]!;
    this.fail = failRenum;
    this.childrenOf = new Array<Map<number, number>>(n);
    for (let x = 0; x < n; x++) this.childrenOf[renum[x]!] = new Map([...children[x]!].map(([c, t]) => [c, renum[t]!]));
    this.wide = wide;
    this.needsLowerCase = wide;
  }

  /**
   * Sets `marks[id] = stamp` for every needle that occurs in the lower-cased `text`, lists each such id
   * once in `hits`, and returns how many there are. Pass the text as it is, or lower-cased; when
   * `needsLowerCase`, it must be lower-cased. `marks` and `hits` need room for `size` ids.
   */
  scan(text: string, marks: Int32Array, stamp: number, hits: Int32Array): number {
    const next = this.next;
    const column = this.column;
    const width = this.width;
    const outFrom = this.outFrom;
    let s = 0;
    let count = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        s = next[s + column[c]!]!;
      } else if (this.wide) {
        s = this.stepWide((s / width) | 0, c) * width;
      } else if (c === 0x212a) {
        s = next[s + column[107]!]!; // KELVIN SIGN lower-cases to "k"
      } else if (c === 0x130) {
        s = next[s + column[105]!]!; // "İ" lower-cases to "i" + U+0307, which then resets
        if (s >= outFrom) count = this.mark(s, marks, stamp, hits, count);
        s = 0;
      } else {
        s = 0;
      }
      if (s >= outFrom) count = this.mark(s, marks, stamp, hits, count);
    }
    return count;
  }

  private mark(premultiplied: number, marks: Int32Array, stamp: number, hits: Int32Array, count: number): number {
    const s = (premultiplied / this.width) | 0;
    for (let k = this.outStart[s]!, end = this.outStart[s + 1]!; k < end; k++) {
      const id = this.outIds[k]!;
      if (marks[id] !== stamp) {
        marks[id] = stamp;
        hits[count++] = id;
      }
    }
    return count;
  }

  private stepWide(s: number, c: number): number {
    for (;;) {
      const next = this.childrenOf[s]!.get(c);
      if (next !== undefined) return next;
      if (s === 0) return 0;
      s = this.fail[s]!;
    }
  }
}
