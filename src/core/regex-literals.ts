// Literals a regex cannot match without: `\b(?:airdrop|whitelist)\b` never matches a text whose
// lower-cased form contains neither "airdrop" nor "whitel". The classifier finds those literals in its one
// text scan and skips the regex engine for the many items that contain none of them.
//
// Conservative by construction: any syntax this small parser does not fully understand (flags, \Q…\E,
// numeric escapes, odd braces …) yields null, meaning "no shortcut, always run the regex".

const MAX_EXACT = 16;

/** exact: the node matches exactly one of these strings. req: any match contains one of these (null: no guarantee). */
interface Info {
  exact: string[] | null;
  req: string[] | null;
}

const ANY: Info = { exact: null, req: null };
const EMPTY: Info = { exact: [''], req: null };

class GiveUp extends Error {}

const isAsciiWordChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
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
    const info = p.alternation();
    if (p.i !== pattern.length) return null; // an unbalanced ")"
    const req = reqOf(info);
    if (req === null || req.length === 0 || req.some((s) => s === '')) return null;
    return [...new Set(req)];
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

function reqOf(info: Info): string[] | null {
  if (info.exact !== null) return info.exact.includes('') ? null : info.exact;
  return info.req;
}

/** Prefers long, few literals: they hit least often in ordinary text. */
function score(set: string[]): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min - Math.log2(set.length);
}

function best(candidates: string[][]): string[] | null {
  let pick: string[] | null = null;
  for (const c of candidates) {
    if (c.length === 0 || c.some((s) => s === '')) continue;
    if (pick === null || score(c) > score(pick)) pick = c;
  }
  return pick;
}

function concat(parts: Info[]): Info {
  let cur: string[] | null = [''];
  let allExact = true;
  const candidates: string[][] = [];
  for (const part of parts) {
    if (part.exact !== null) {
      if (cur === null) {
        cur = part.exact;
        continue;
      }
      const product: string[] = [];
      for (const a of cur) for (const b of part.exact) product.push(a + b);
      const unique = [...new Set(product)];
      if (unique.length <= MAX_EXACT) {
        cur = unique;
      } else {
        allExact = false;
        candidates.push(cur);
        cur = part.exact;
      }
      continue;
    }
    allExact = false;
    if (cur !== null) candidates.push(cur);
    cur = null;
    if (part.req !== null) candidates.push(part.req);
  }
  if (allExact && cur !== null) return { exact: cur, req: null };
  if (cur !== null) candidates.push(cur);
  return { exact: null, req: best(candidates) };
}

function alternate(branches: Info[]): Info {
  if (branches.every((b) => b.exact !== null)) {
    const union = [...new Set(branches.flatMap((b) => b.exact!))];
    if (union.length <= MAX_EXACT) return { exact: union, req: null };
  }
  const req: string[] = [];
  for (const b of branches) {
    const r = reqOf(b);
    if (r === null) return ANY;
    req.push(...r);
  }
  return { exact: null, req: [...new Set(req)] };
}

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
    return branches.length === 1 ? branches[0]! : alternate(branches);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      parts.push(this.quantified(this.atom()));
    }
    return concat(parts);
  }

  private atom(): Info {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      if (s[this.i] === '?') {
        if (s[this.i + 1] === ':') this.i += 2;
        else this.namedGroup();
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new GiveUp();
      this.i++;
      return inner;
    }
    if (c === '[') {
      this.skipClass();
      return ANY;
    }
    if (c === '.') {
      this.i++;
      return ANY;
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (QUANTIFIERS.includes(c)) throw new GiveUp();
    if (c === '\\') return this.escape();
    const code = s.codePointAt(this.i)!;
    this.i += code > 0xffff ? 2 : 1;
    return this.literal(code);
  }

  private literal(code: number): Info {
    if (code >= 128) return ANY; // lower-casing and folding of non-ASCII is not one-to-one
    const ch = String.fromCharCode(code).toLowerCase();
    if (this.fold && ch === 's') return ANY;
    return { exact: [ch], req: null };
  }

  private escape(): Info {
    const e = this.s[this.i + 1];
    if (e === undefined) throw new GiveUp();
    this.i += 2;
    if ('dDwWsS'.includes(e)) return ANY;
    if ('bBAz'.includes(e)) return EMPTY;
    if (e === 'p' || e === 'P') {
      if (this.s[this.i] === '{') {
        const close = this.s.indexOf('}', this.i);
        if (close < 0) throw new GiveUp();
        this.i = close + 1;
      } else {
        this.i++;
      }
      return ANY;
    }
    if (e.charCodeAt(0) < 128 && !isAsciiWordChar(e) && e !== ' ' && e.charCodeAt(0) > 32) return this.literal(e.charCodeAt(0));
    throw new GiveUp(); // \Q, \x, \1, \n, \C …
  }

  /** `(?P<name>` or `(?<name>`; anything else after `(?` (flags, lookaround) is beyond us. */
  private namedGroup(): void {
    const m = /^\?P?<[A-Za-z0-9_]+>/.exec(this.s.slice(this.i));
    if (m === null) throw new GiveUp();
    this.i += m[0].length;
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

  private quantified(atom: Info): Info {
    const s = this.s;
    const c = s[this.i];
    if (c === undefined || !QUANTIFIERS.includes(c)) return atom;
    let min: number;
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(this.i));
      if (m === null) throw new GiveUp(); // RE2 would read a literal "{"; not worth the subtlety
      min = Number(m[1]);
      this.i += m[0].length;
    } else {
      min = c === '+' ? 1 : 0;
      this.i++;
    }
    if (s[this.i] === '?') this.i++; // non-greedy
    if (this.i < s.length && QUANTIFIERS.includes(s[this.i]!)) throw new GiveUp();
    if (min === 0) return ANY;
    const req = reqOf(atom);
    return { exact: null, req };
  }
}
