// Literals a regex cannot match without: `\b(?:airdrop|whitelist)\b` never matches a text whose
// lower-cased form contains neither "airdrop" nor "whitel". The text probe rules those texts out, so
// the regex engine (microseconds a test) runs only on the few items that may match.
//
// Conservative by construction: any syntax this small parser does not fully understand (flags, \Q…\E,
// numeric escapes, odd braces …) yields null, meaning "no shortcut, always run the regex".

/** A piece of pattern: `exact` when it matches exactly that string; else `req`, of which every match contains one (null: no guarantee). */
type Info = { exact: string } | { exact?: undefined; req: string[] | null };

const OPAQUE: Info = { req: null };

class GiveUp extends Error {}

const QUANTIFIERS = '*+?{';

/**
 * Lower-case ASCII literals, one of which occurs in `text.toLowerCase()` whenever the pattern matches `text`;
 * or null when there is no such guarantee (or the pattern is beyond this parser).
 * `caseSensitive` is the RE2 mode; in case-insensitive mode RE2 also folds "ſ" (U+017F) into "s", which
 * toLowerCase does not, so literals are cut at every s.
 */
export function requiredLiterals(pattern: string, caseSensitive: boolean): string[] | null {
  try {
    const p = new Parser(pattern, !caseSensitive);
    const req = reqOf(p.alternation());
    if (p.i !== pattern.length) return null; // an unbalanced ")"
    if (req === null || req.length === 0 || req.includes('')) return null;
    return [...new Set(req)];
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

const reqOf = (info: Info): string[] | null => (info.exact !== undefined ? [info.exact] : info.req);

/** Long, few literals hit least often in ordinary text. */
const score = (set: string[]): number => Math.min(...set.map((s) => s.length)) - Math.log2(set.length);

class Parser {
  i = 0;
  constructor(
    private readonly s: string,
    private readonly fold: boolean,
  ) {}

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    // Every branch must leave one of its literals.
    const req: string[] = [];
    for (const b of branches) {
      const r = reqOf(b);
      if (r === null || r.includes('')) return OPAQUE;
      req.push(...r);
    }
    return { req };
  }

  /** Runs of adjacent exact pieces are literals a match must contain; the best candidate stands for the sequence. */
  private sequence(): Info {
    const candidates: string[][] = [];
    let run = '';
    let whole = true;
    const endRun = () => {
      if (run !== '') candidates.push([run]);
      run = '';
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (min === 1 && this.repeats) {
        // "ab+": "ab" is certain, what follows the repetition starts a new run.
        if (atom.exact !== undefined) run += atom.exact;
        else {
          endRun();
          const r = reqOf(atom);
          if (r !== null) candidates.push(r);
        }
        endRun();
        whole = false;
      } else if (min === 0) {
        endRun();
        whole = false;
      } else if (atom.exact !== undefined) {
        run += atom.exact;
      } else {
        endRun();
        whole = false;
        if (atom.req !== null) candidates.push(atom.req);
      }
    }
    if (whole) return { exact: run };
    endRun();
    let best: string[] | null = null;
    for (const c of candidates) if (!c.includes('') && (best === null || score(c) > score(best))) best = c;
    return { req: best };
  }

  private atom(): Info {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      if (s[this.i] === '?') {
        // `(?:`, `(?P<name>` or `(?<name>`; flags and lookaround are beyond us.
        const m = /^\?(?::|P?<[A-Za-z0-9_]+>)/.exec(s.slice(this.i));
        if (m === null) throw new GiveUp();
        this.i += m[0].length;
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new GiveUp();
      this.i++;
      return inner;
    }
    if (c === '[') {
      this.skipClass();
      return OPAQUE;
    }
    if (c === '.' || c === '^' || c === '$') {
      this.i++;
      return OPAQUE;
    }
    if (QUANTIFIERS.includes(c)) throw new GiveUp();
    if (c === '\\') return this.escape();
    const code = s.codePointAt(this.i)!;
    this.i += code > 0xffff ? 2 : 1;
    return this.literal(code);
  }

  private literal(code: number): Info {
    if (code >= 128) return OPAQUE; // lower-casing and folding of non-ASCII is not one-to-one
    const ch = String.fromCharCode(code).toLowerCase();
    if (this.fold && ch === 's') return OPAQUE;
    return { exact: ch };
  }

  private escape(): Info {
    const e = this.s[this.i + 1];
    if (e === undefined) throw new GiveUp();
    this.i += 2;
    if ('dDwWsSbBAz'.includes(e)) return OPAQUE;
    if (e === 'p' || e === 'P') {
      if (this.s[this.i] === '{') {
        const close = this.s.indexOf('}', this.i);
        if (close < 0) throw new GiveUp();
        this.i = close + 1;
      } else {
        this.i++;
      }
      return OPAQUE;
    }
    // Escaped punctuation is itself; \Q, \x, \1, \n, \C … are beyond us.
    if (e.charCodeAt(0) > 32 && e.charCodeAt(0) < 128 && !/[A-Za-z0-9_ ]/.test(e)) return this.literal(e.charCodeAt(0));
    throw new GiveUp();
  }

  private skipClass(): void {
    const s = this.s;
    let i = this.i + 1;
    if (s[i] === '^') i++;
    if (s[i] === ']') i++;
    for (;;) {
      const c = s[i];
      if (c === undefined) throw new GiveUp();
      if (c === ']') break;
      if (c === '\\') {
        const e = s[i + 1];
        if ((e === 'p' || e === 'P' || e === 'x') && s[i + 2] === '{') {
          const close = s.indexOf('}', i);
          if (close < 0) throw new GiveUp();
          i = close + 1;
        } else {
          i += 2;
        }
      } else if (c === '[' && s[i + 1] === ':') {
        const close = s.indexOf(':]', i + 2);
        if (close < 0) throw new GiveUp();
        i = close + 2;
      } else {
        i++;
      }
    }
    this.i = i + 1;
  }

  /** Whether the last quantifier lets its atom repeat (set by `quantifier`). */
  private repeats = false;

  /** Reads a quantifier after an atom: its minimum count (1 when there is none). */
  private quantifier(): number {
    const s = this.s;
    const c = s[this.i];
    this.repeats = false;
    if (c === undefined || !QUANTIFIERS.includes(c)) return 1;
    let min: number;
    let max: number;
    if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(this.i));
      if (m === null) throw new GiveUp(); // RE2 would read a literal "{"; not worth the subtlety
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.i++;
    }
    if (s[this.i] === '?') this.i++; // non-greedy
    if (this.i < s.length && QUANTIFIERS.includes(s[this.i]!)) throw new GiveUp();
    this.repeats = max !== 1 || min !== 1;
    return Math.min(min, 1);
  }
}
