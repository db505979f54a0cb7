// What a regex costs RE2 (re2js), read off the pattern's syntax without compiling it. RE2 matches in
// time linear in the text, but the factor is the program: every instruction of the compiled program
// may be live at every character, and counted repetitions (`x{50}`) are written out as that many
// copies. So the figures here are the program RE2 would build, counted, not timed:
//
// - steps: instructions, the way re2js's compiler emits them (one per literal character, class, `.`
//   or assertion, one per `|`, `*`, `+`, `?`, two per capturing group, counted repetitions expanded).
//   It matches re2js's own programSize() on plain patterns and is never below it by more than RE2's
//   own simplifications can save (tests/unit/core/regex-cost.test.ts compares the two).
// - wide: steps that test a Unicode class (\p{L}, \PN, [\p{Greek}\d] …). Each such class brings
//   hundreds of ranges into RE2's DFA, whose every state then carries a table that wide; a few of
//   them in a row, counted out, is what lets a 20-character pattern cost 100 ms a post.
// - alternatives: the `|` branches as written.
// - copies: what the counted repetitions write out, nested counts multiplied (`(a{50}){50}` is 2,550).
//
// The reader is lenient, never strict: RE2 decides what is valid (re2.ts). Anything it does not know
// reads as one literal step, which can only miss cost that RE2 would refuse as a syntax error anyway.

export interface RegexCost {
  steps: number;
  wide: number;
  alternatives: number;
  copies: number;
}

/** One piece of pattern: its instructions, how many of them test a Unicode class, the copies its counts write out. */
interface Piece {
  steps: number;
  wide: number;
  copies: number;
}

const EMPTY: Piece = { steps: 0, wide: 0, copies: 0 };
const ONE: Piece = { steps: 1, wide: 0, copies: 0 };
const WIDE: Piece = { steps: 1, wide: 1, copies: 0 };

/** A class listing more ranges than this is as costly to RE2's DFA as a Unicode class. */
const WIDE_CLASS_RANGES = 32;

/** re2js's program always holds a failure and a match instruction. */
const PROGRAM_OVERHEAD = 2;

const REPEAT = /^\{(\d+)(?:(,)(\d*))?\}/;

const plus = (a: Piece, b: Piece): Piece => ({ steps: a.steps + b.steps, wide: a.wide + b.wide, copies: a.copies + b.copies });

/** One pass over the pattern, each piece's cost worked out from its parts' (nested counts multiply). */
export function regexCost(pattern: string): RegexCost {
  const r = new CostReader(pattern);
  let body = r.alternation();
  // A stray ")" (RE2 refuses it): read on, so nothing after it goes uncounted.
  while (r.i < pattern.length) {
    r.i++;
    body = plus(body, r.alternation());
  }
  return { steps: body.steps + PROGRAM_OVERHEAD, wide: body.wide, alternatives: r.alternatives, copies: body.copies };
}

class CostReader {
  i = 0;
  alternatives = 1;
  constructor(private readonly s: string) {}

  alternation(): Piece {
    let out = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      this.alternatives++;
      out = plus(plus(out, this.sequence()), ONE);
    }
    return out;
  }

  private sequence(): Piece {
    let out = EMPTY;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      out = plus(out, this.quantified(this.atom()));
    }
    return out;
  }

  /** Applies any quantifiers after an atom (RE2 refuses `a**`; read leniently, each applies again). */
  private quantified(atom: Piece): Piece {
    let p = atom;
    for (;;) {
      const c = this.s[this.i];
      if (c === '*' || c === '+' || c === '?') {
        this.i++;
        p = { ...p, steps: p.steps + 1 };
      } else if (c === '{') {
        const m = REPEAT.exec(this.s.slice(this.i, this.i + 24));
        if (m === null) return p; // a literal "{", read as the next atom
        this.i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? null : Number(m[3]);
        // x{n,m} is written out as m copies of x, the last m − n optional; x{n,} as n copies, the last looping.
        const written = max === null ? Math.max(1, min) : Math.max(min, max);
        const optional = max === null ? 1 : Math.max(0, max - min);
        p = { steps: p.steps * written + optional, wide: p.wide * written, copies: written * (1 + p.copies) };
      } else {
        return p;
      }
      if (this.s[this.i] === '?') this.i++; // non-greedy
    }
  }

  private atom(): Piece {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.bracket();
    if (c === '\\') return this.escape();
    // `.`, `^`, `$`, a stray quantifier (RE2 refuses it) and any literal character: one step each.
    this.i += (s.codePointAt(this.i) ?? 0) > 0xffff ? 2 : 1;
    return ONE;
  }

  private group(): Piece {
    const s = this.s;
    this.i++;
    let capturing = true;
    if (s[this.i] === '?') {
      capturing = false;
      const named = /^\?P?<[^>]*>/.exec(s.slice(this.i, this.i + 40));
      if (named !== null) {
        capturing = true;
        this.i += named[0].length;
      } else {
        // (?: (?i) (?i-s: (?= … : flags and the rest up to ":" or ")".
        this.i++;
        while (this.i < s.length && s[this.i] !== ':' && s[this.i] !== ')') this.i++;
        if (s[this.i] === ')') {
          this.i++;
          return EMPTY; // (?i): flags only
        }
        this.i++;
      }
    }
    const inner = this.alternation();
    if (s[this.i] === ')') this.i++;
    return capturing ? { ...inner, steps: inner.steps + 2 } : inner;
  }

  private escape(): Piece {
    const s = this.s;
    const e = s[this.i + 1];
    if (e === undefined) {
      this.i++;
      return ONE;
    }
    if (e === 'p' || e === 'P') {
      this.i += 2;
      this.skipBraced();
      return WIDE;
    }
    if (e === 'Q') {
      // \Q…\E: every character up to \E is a literal.
      const close = s.indexOf('\\E', this.i + 2);
      const end = close < 0 ? s.length : close;
      const steps = [...s.slice(this.i + 2, end)].length;
      this.i = close < 0 ? s.length : close + 2;
      return { steps, wide: 0, copies: 0 };
    }
    this.i += 2;
    if (e === 'x') this.skipBraced();
    return ONE;
  }

  /** After \p, \P or \x: a braced name or number, or a single character. */
  private skipBraced(): void {
    if (this.s[this.i] === '{') {
      const close = this.s.indexOf('}', this.i);
      this.i = close < 0 ? this.s.length : close + 1;
    } else if (this.i < this.s.length) {
      this.i++;
    }
  }

  /** A bracketed class is one instruction; it is wide when it holds a Unicode class or many ranges. */
  private bracket(): Piece {
    const s = this.s;
    let i = this.i + 1;
    if (s[i] === '^') i++;
    if (s[i] === ']') i++;
    let wide = false;
    let ranges = 0;
    while (i < s.length && s[i] !== ']') {
      const c = s[i];
      if (c === '\\') {
        const e = s[i + 1];
        if (e === 'p' || e === 'P') wide = true;
        if ((e === 'p' || e === 'P' || e === 'x') && s[i + 2] === '{') {
          const close = s.indexOf('}', i);
          i = close < 0 ? s.length : close + 1;
        } else {
          i += 2;
        }
      } else if (c === '[' && s[i + 1] === ':') {
        const close = s.indexOf(':]', i + 2);
        i = close < 0 ? s.length : close + 2;
      } else {
        i++;
      }
      ranges++;
    }
    this.i = Math.min(s.length, i + 1);
    return wide || ranges > WIDE_CLASS_RANGES ? WIDE : ONE;
  }
}
